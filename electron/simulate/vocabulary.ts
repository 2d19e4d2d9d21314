/**
 * Word lists for realistic simulated users and groups. Names follow Microsoft's demo-tenant style
 * (`AdeleV@contoso.com`); contoso.com and example.org are fictitious or reserved domains.
 */

export const GIVEN_NAMES = [
  'Adele', 'Alex', 'Allan', 'Diego', 'Grady', 'Henrietta', 'Isaiah', 'Johanna', 'Joni', 'Lee', 'Lidia', 'Lynne', 'Megan', 'Miriam', 'Nestor',
  'Patti', 'Pradeep', 'Ines', 'Kenji', 'Amara', 'Sofia', 'Mateo', 'Priya', 'Oskar', 'Leila', 'Tomasz', 'Yuki', 'Chioma', 'Farah', 'Lucas',
] as const;

export const FAMILY_NAMES = [
  'Vance', 'Wilber', 'Young', 'Siciliani', 'Archie', 'Cerveny', 'Langer', 'Lauer', 'Sherman', 'Gu', 'Holloway', 'Zrike', 'Bowen', 'Graham',
  'Wilke', 'Fernandez', 'Gupta', 'Okafor', 'Tanaka', 'Haddad', 'Nowak', 'Berg', 'Rossi', 'Moreau', 'Kowalski', 'Ndlovu', 'Silva', 'Kim',
] as const;

export interface City {
  readonly locality: string;
  readonly region: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, as Entra's `country` / `usageLocation` carry it. */
  readonly country: string;
  readonly callingCode: string;
  readonly locale: string;
  readonly timezone: string;
}

const city = (locality: string, region: string, postalCode: string, country: string, callingCode: string, locale: string, timezone: string): City => ({
  locality, region, postalCode, country, callingCode, locale, timezone,
});

export const CITIES: readonly City[] = [
  city('Redmond', 'WA', '98052', 'US', '1', 'en-US', 'America/Los_Angeles'),
  city('Seattle', 'WA', '98101', 'US', '1', 'en-US', 'America/Los_Angeles'),
  city('Austin', 'TX', '78701', 'US', '1', 'en-US', 'America/Chicago'),
  city('Chicago', 'IL', '60601', 'US', '1', 'en-US', 'America/Chicago'),
  city('Toronto', 'ON', 'M5H 2N2', 'CA', '1', 'en-CA', 'America/Toronto'),
  city('London', 'England', 'SW1A 1AA', 'GB', '44', 'en-GB', 'Europe/London'),
  city('Dublin', 'Leinster', 'D02 X285', 'IE', '353', 'en-IE', 'Europe/Dublin'),
  city('Munich', 'Bavaria', '80331', 'DE', '49', 'de-DE', 'Europe/Berlin'),
  city('Sydney', 'NSW', '2000', 'AU', '61', 'en-AU', 'Australia/Sydney'),
  city('Singapore', 'Central', '018956', 'SG', '65', 'en-SG', 'Asia/Singapore'),
];

export const STREETS = [
  'Microsoft Way', 'Pine Street', 'Congress Avenue', 'Market Street', 'King Street West', 'Baker Street', 'Grafton Street', 'Leopoldstrasse',
  'George Street', 'Orchard Road', 'Maple Avenue', 'Lakeview Drive', 'Harbour Road', 'Elm Street',
] as const;

export const TITLES = [
  'Software Engineer', 'Senior Software Engineer', 'Product Manager', 'Sales Representative', 'Account Executive', 'Marketing Specialist',
  'Financial Analyst', 'HR Generalist', 'IT Administrator', 'Support Engineer', 'Data Scientist', 'Security Analyst', 'Engineering Manager',
] as const;

export const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'IT', 'Support', 'Legal', 'Operations', 'Research'] as const;
export const DIVISIONS = ['Cloud', 'Devices', 'Corporate', 'Field Operations'] as const;
export const ORGANIZATIONS = ['Contoso Ltd.', 'Contoso Pharmaceuticals', 'Contoso Retail'] as const;

export const GROUP_NAMES = [
  'Finance Team', 'Sales EMEA', 'Engineering Leads', 'Marketing', 'Helpdesk', 'Britive Admins', 'Cloud Operations', 'Security Reviewers',
  'Project Phoenix', 'All Contractors',
] as const;

export const WORK_DOMAIN = 'contoso.com';
