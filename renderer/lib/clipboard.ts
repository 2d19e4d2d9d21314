/**
 * Copies text. The async Clipboard API needs a secure context and focus; the admin UI runs on http://127.0.0.1
 * (a secure context) but a headless or unfocused window can still refuse, so a hidden-textarea copy is the fallback.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    // execCommand is deprecated but is the only synchronous copy that works without the Clipboard permission.
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
