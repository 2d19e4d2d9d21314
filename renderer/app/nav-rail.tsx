/**
 * The left rail: one real link per screen (keyboard and screen-reader navigable; `aria-current` marks where you are).
 */

import { ICONS } from '../components/icons.js';
import { href, type ScreenName } from './router.js';
import { SCREENS } from './screens.js';

export function NavRail({ current }: { current: ScreenName }) {
  return (
    <nav className="rail" aria-label="Screens">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          {ICONS.live}
        </span>
        <span className="brand-name">
          Provisioning
          <br />
          Monitor
        </span>
      </div>
      <ul className="rail-list">
        {SCREENS.map((screen) => (
          <li key={screen.name}>
            <a className="rail-link" href={href(screen.name)} aria-current={screen.name === current ? 'page' : undefined}>
              {ICONS[screen.name]}
              <span className="rail-label">{screen.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
