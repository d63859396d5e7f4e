// Configuration of `npm run docs:apex`: @cparra/apexdocs reads it through cosmiconfig (the `markdown` command
// comes from the npm script). The reference documents what other code may call: public and global members.
const fs = require('node:fs');
const path = require('node:path');

/** Every @IsTest class (test classes and the public test-data factories): not the package's API. */
function testClassPatterns(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...testClassPatterns(full));
    } else if (entry.name.endsWith('.cls') && /^\s*@IsTest\b/im.test(fs.readFileSync(full, 'utf8'))) {
      out.push(`**/${entry.name}`);
    }
  }
  return out.sort();
}

module.exports = {
  sourceDir: 'force-app',
  targetDir: 'docs/apex',
  scope: ['global', 'public'],
  exclude: testClassPatterns(path.join(__dirname, 'force-app')),
  defaultGroupName: 'Classes',
  referenceGuideTitle: 'Apex reference',
  sortAlphabetically: true,
  linkingStrategy: 'relative'
};
