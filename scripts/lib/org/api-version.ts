/**
 * The Dev Hub's API version against the project's sourceApiVersion. A scratch org is created on its Dev Hub's
 * release (or the next one with `--release preview`), and `sf project deploy start` / `sf package version
 * create` send sourceApiVersion: an org older than the source rejects metadata it does not know yet.
 */

export interface ApiVersionCheck {
  ok: boolean;
  /** One paragraph: what differs and what to do. */
  message: string;
}

function parseVersion(value: string, what: string): number {
  if (!/^\d+\.0$/.test(value)) throw new Error(`${what} "${value}" is not an API version like 68.0`);
  return Number(value.slice(0, -2));
}

/** Three releases a year, each one API version: 65.0 Winter '26, 66.0 Spring '26, 67.0 Summer '26, 68.0 Winter '27. */
export function releaseName(apiVersion: number): string {
  const seasons = ['Winter', 'Spring', 'Summer'];
  const index = apiVersion - 65;
  const season = seasons[((index % 3) + 3) % 3] as string;
  const year = 26 + Math.floor(index / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function checkApiVersion(devHubMax: string, sourceApiVersion: string): ApiVersionCheck {
  const hub = parseVersion(devHubMax, "the Dev Hub's API version");
  const source = parseVersion(sourceApiVersion, 'sourceApiVersion in sfdx-project.json');
  const hubName = `${devHubMax} (${releaseName(hub)})`;
  const sourceName = `${sourceApiVersion} (${releaseName(source)})`;
  if (hub === source) {
    return { ok: true, message: `Dev Hub API ${hubName} matches sourceApiVersion` };
  }
  if (hub > source) {
    return {
      ok: true,
      message:
        `Dev Hub API ${hubName} is newer than sourceApiVersion ${sourceName}: the org accepts our metadata; ` +
        'raise sourceApiVersion only together with the code that needs the newer release'
    };
  }
  return {
    ok: false,
    message:
      `Dev Hub API ${hubName} is older than sourceApiVersion ${sourceName}: a scratch org from this Dev Hub ` +
      `would reject metadata written for ${releaseName(source)}. Either wait for the Dev Hub's upgrade to ` +
      `${releaseName(source)}, or during the preview window run \`npm run org:create -- --release preview\` ` +
      '(a scratch org on the next release). Do not lower sourceApiVersion to make it pass: the package is ' +
      'written for that release.'
  };
}
