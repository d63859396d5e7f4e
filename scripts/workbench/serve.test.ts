import * as path from 'node:path';
import { lightningUrlToWorkbench, parsePort, resolveRequestPath } from './serve';
import { CHROMIUM_ARGS, findChromium } from './browser-test';

describe('workbench server', () => {
  const root = path.resolve('/srv/workbench');

  it('maps request paths into the output folder and nowhere else', () => {
    expect(resolveRequestPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, '/app/main.js?v=1')).toBe(path.join(root, 'app', 'main.js'));
    expect(resolveRequestPath(root, '/../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveRequestPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveRequestPath(root, '/..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(resolveRequestPath(root, '/a%00b')).toBeUndefined();
    expect(resolveRequestPath(root, '/%E0%A4%A')).toBeUndefined();
  });

  it('reads the port from --port, --port=, PORT, else 3000', () => {
    expect(parsePort([], {})).toBe(3000);
    expect(parsePort(['--port', '4000'], {})).toBe(4000);
    expect(parsePort(['--port=0'], { PORT: '5000' })).toBe(0);
    expect(parsePort([], { PORT: '5000' })).toBe(5000);
    expect(() => parsePort(['--port', 'http'], {})).toThrow('Invalid port "http"');
  });

  it('sends Lightning record links to the workbench route for that page reference', () => {
    const location = lightningUrlToWorkbench('/lightning/r/0035g00000QxT2mAAF/view');
    expect(location).toMatch(/^\/#\/page\?ref=/);
    expect(JSON.parse(decodeURIComponent(location?.split('ref=')[1] ?? ''))).toMatchObject({
      attributes: { recordId: '0035g00000QxT2mAAF' }
    });
    expect(lightningUrlToWorkbench('/assets/x.css')).toBeUndefined();
  });
});

describe('browser discovery', () => {
  it('prefers CHROMIUM_PATH, then Debian chromium, and reports none when nothing exists', () => {
    expect(
      findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome' || p === '/usr/bin/chromium')
    ).toBe('/opt/chrome');
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findChromium({}, () => false)).toBeUndefined();
  });

  it('launches headless without network, GPU or sandbox needs', () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-sync'
      ])
    );
  });
});
