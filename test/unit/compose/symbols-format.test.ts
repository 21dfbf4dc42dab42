import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { formatCompose } from '../../../server/src/compose/format';
import { symbolsCompose } from '../../../server/src/compose/symbols';
import { applyEdits, compose, contextFor } from './composeKit';

const options = { tabSize: 2, insertSpaces: true };
const format = (text: string) => applyEdits(text, formatCompose(compose(text), options, contextFor()));

describe('Compose document symbols', () => {
  it('list the top-level keys with the services, networks and volumes under them', () => {
    const symbols = symbolsCompose(compose('name: shop\nservices:\n  web:\n    image: nginx:1.27\n  api:\n    build: ./api\nnetworks:\n  back: {}\nvolumes:\n  data:\n'), contextFor());
    assert.deepEqual(symbols.map((s) => s.name), ['name', 'services', 'networks', 'volumes']);
    const services = symbols[1]!;
    assert.equal(services.kind, SymbolKind.Namespace);
    assert.deepEqual(services.children!.map((s) => [s.name, s.detail]), [['web', 'nginx:1.27'], ['api', 'build: ./api']]);
    assert.equal(services.children![0]!.selectionRange.start.line, 2);
    assert.deepEqual(symbols[3]!.children!.map((s) => s.name), ['data']);
  });
});

describe('Compose formatting', () => {
  it('tidies whitespace only: trailing spaces, blank runs, tabs in indentation, the final newline', () => {
    assert.equal(format('services:   \n  web:\n\n\n\n    image: nginx:1.27  # pinned   \n'), 'services:\n  web:\n\n    image: nginx:1.27  # pinned\n');
    assert.equal(format('services:\n  web:\n    image: nginx:1.27'), 'services:\n  web:\n    image: nginx:1.27\n');
  });

  it('never reorders keys, touches comments or quoting, or changes block scalars', () => {
    const text = '# top\nservices:\n  # the web tier\n  web:\n    image: "nginx:1.27"\n    command: |\n      echo one   \n\n\n      echo two\n    environment: {A: "1"}\n';
    assert.equal(format(text), text);
  });

  it('leaves a file it cannot parse alone', () => {
    assert.deepEqual(formatCompose(compose('services:\n  web:   \n    image: "nginx\n'), options, contextFor()), []);
  });
});
