import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiagnosticFixData } from '../../../server/src/common/rules';
import { isByteSize, isDuration, parsePort } from '../../../server/src/compose/schemaCheck';
import { applyEdits, contextFor, diagnose, findings } from './composeKit';

const svc = (body: string) => `services:\n  web:\n${body.replace(/^/gm, '    ')}\n`;
const messages = (text: string, rule: string, lang: 'en' | 'zh-cn' = 'en') => findings(text, rule, contextFor(lang)).map((d) => String(d.message));

describe('compose-unknown-key', () => {
  it('reports a misspelt key with did-you-mean and a rename fix', () => {
    const text = svc('image: nginx:1.27\nenviroment:\n  A: "1"');
    const [finding] = findings(text, 'compose-unknown-key');
    assert.match(String(finding!.message), /Unknown key ‘enviroment’ in ‘services\.web’; did you mean ‘environment’\?/);
    assert.equal(applyEdits(text, (finding!.data as DiagnosticFixData).fixes[0]!.edits), svc('image: nginx:1.27\nenvironment:\n  A: "1"'));
    assert.match(messages(text, 'compose-unknown-key', 'zh-cn')[0]!, /是不是想写「environment」/);
  });

  it('reports keys at the wrong level and unknown top-level keys', () => {
    assert.equal(findings(svc('build:\n  context: .\n  ports: ["80"]'), 'compose-unknown-key').length, 1);
    assert.match(messages('service:\n  web: {}\n', 'compose-unknown-key')[0]!, /at the top level; did you mean ‘services’/);
  });

  it('accepts x- extension fields, merge keys and every documented key', () => {
    const text = 'x-base: &base\n  anything: [1, 2]\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n    x-note: free\n    deploy:\n      x-team: core\n      placement:\n        constraints: [node.role == manager]\n';
    assert.deepEqual(findings(text, 'compose-unknown-key'), []);
  });
});

describe('compose-invalid-type', () => {
  it('reports a list where a mapping belongs, a mapping where text belongs, and an empty value', () => {
    assert.equal(findings(svc('image: nginx:1.27\nhealthcheck: [CMD, true]'), 'compose-invalid-type').length, 1);
    assert.match(messages(svc('image:\n  name: nginx'), 'compose-invalid-type')[0]!, /‘services\.web\.image’ should be a string/);
    assert.match(messages(svc('image:'), 'compose-invalid-type')[0]!, /has no value/);
    assert.match(messages(svc('image:\n  name: nginx'), 'compose-invalid-type', 'zh-cn')[0]!, /应为字符串/);
  });

  it('accepts both forms of a key, numbers where text is expected, nulls where allowed, and variables', () => {
    const text = 'services:\n  web:\n    build: .\n    image: app:1\n    environment:\n      N: 3\n    networks:\n      default:\n    deploy:\n      replicas: ${REPLICAS}\n  api:\n    build:\n      context: ./api\n    image: api:1.0\n';
    assert.deepEqual(findings(text, 'compose-invalid-type'), []);
  });
});

describe('compose-invalid-value', () => {
  it('reports values outside the allowed ones, with did-you-mean', () => {
    assert.match(messages(svc('image: a:1\nrestart: alway'), 'compose-invalid-value')[0]!, /did you mean ‘always’/);
    assert.equal(findings(svc('image: a:1\ndepends_on:\n  db:\n    condition: healthy'), 'compose-invalid-value').length, 1);
    assert.equal(findings(svc('image: a:1\npull_policy: sometimes'), 'compose-invalid-value').length, 1);
    assert.equal(findings(svc('image: a:1\ndeploy:\n  mode: everywhere'), 'compose-invalid-value').length, 1);
    assert.equal(findings('services:\n  "web app":\n    image: a:1\n', 'compose-invalid-value').length, 1, 'service names have a fixed form');
  });

  it('accepts the listed values and their patterns', () => {
    const text = 'services:\n  web:\n    image: a:1\n    restart: on-failure:3\n    pull_policy: every_12h\n    network_mode: service:db\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: b:1\n    restart: "no"\n    pull_policy: missing\n    deploy:\n      mode: global\n';
    assert.deepEqual(findings(text, 'compose-invalid-value'), []);
  });
});

describe('compose-missing-key', () => {
  it('reports a required key left out', () => {
    assert.match(messages(svc('image: a:1\nvolumes:\n  - source: data\n    target: /data'), 'compose-missing-key')[0]!, /needs ‘type’/);
    assert.equal(findings(svc('image: a:1\nextends:\n  file: base.yaml'), 'compose-missing-key').length, 1);
  });

  it('stays quiet when the key is there or merged in', () => {
    assert.deepEqual(findings(svc('image: a:1\nvolumes:\n  - type: volume\n    source: data\n    target: /data'), 'compose-missing-key'), []);
    assert.deepEqual(findings('x-v: &v\n  type: bind\nservices:\n  web:\n    image: a:1\n    volumes:\n      - <<: *v\n        source: .\n        target: /app\n', 'compose-missing-key'), []);
  });
});

describe('compose-deprecated-key', () => {
  it('reports external.name, not the top-level version (its own rule)', () => {
    assert.equal(findings('services: {}\nnetworks:\n  back:\n    external:\n      name: shared\n', 'compose-deprecated-key').length, 1);
    assert.deepEqual(findings('version: "3"\nservices: {}\n', 'compose-deprecated-key'), []);
    assert.deepEqual(findings('services: {}\nnetworks:\n  back:\n    external: true\n    name: shared\n', 'compose-deprecated-key'), []);
  });
});

describe('compose-invalid-duration and compose-invalid-size', () => {
  it('reports durations and sizes Compose cannot read', () => {
    assert.equal(findings(svc('image: a:1\nhealthcheck:\n  test: ["CMD", "true"]\n  interval: 30'), 'compose-invalid-duration').length, 0, 'a number is a type question, not a duration');
    assert.match(messages(svc('image: a:1\nhealthcheck:\n  test: ["CMD", "true"]\n  interval: 1 min'), 'compose-invalid-duration')[0]!, /not a duration/);
    assert.equal(findings(svc('image: a:1\nstop_grace_period: 10sec'), 'compose-invalid-duration').length, 1);
    assert.match(messages(svc('image: a:1\nmem_limit: 2 gigs'), 'compose-invalid-size')[0]!, /not a size/);
    assert.equal(findings(svc('image: a:1\ndeploy:\n  resources:\n    limits:\n      memory: lots'), 'compose-invalid-size').length, 1);
  });

  it('accepts Go durations, byte sizes and variables', () => {
    assert.deepEqual(findings(svc('image: a:1\nstop_grace_period: 1m30s\nmem_limit: 512m\nshm_size: 1gb\nhealthcheck:\n  test: ["CMD", "true"]\n  interval: ${INTERVAL:-30s}\n  timeout: 500ms'), 'compose-invalid-duration'), []);
    for (const ok of ['0', '10s', '1h30m', '1.5s', '250ms']) assert.ok(isDuration(ok), ok);
    for (const ok of ['512m', '1g', '1.5g', '1024', '2GiB', '64 MB']) assert.ok(isByteSize(ok), ok);
    for (const bad of ['1 min', '10sec', 's']) assert.ok(!isDuration(bad), bad);
  });
});

describe('compose-invalid-port', () => {
  it('reports bad ports and expose entries', () => {
    assert.match(messages(svc('image: a:1\nports:\n  - "8080:80:90"'), 'compose-invalid-port')[0]!, /not a port mapping/);
    assert.match(messages(svc('image: a:1\nports:\n  - "70000:80"'), 'compose-invalid-port')[0]!, /out of range/);
    assert.match(messages(svc('image: a:1\nports:\n  - "8000-8002:80-81"'), 'compose-invalid-port')[0]!, /differ in size/);
    assert.equal(findings(svc('image: a:1\nexpose:\n  - "80:80"'), 'compose-invalid-port').length, 1);
    assert.equal(findings(svc('image: a:1\nports:\n  - target: 99999'), 'compose-invalid-port').length, 1);
  });

  it('accepts every short form and the long form', () => {
    const text = svc('image: a:1\nports:\n  - 80\n  - "8080:80"\n  - "127.0.0.1:8081:80"\n  - "[::1]:8082:80"\n  - "9000-9001:9000-9001/udp"\n  - "${PORT}:80"\n  - target: 443\n    published: "8443"\n    protocol: tcp\nexpose:\n  - "3000"\n  - 53/udp\n  - 8000-8010');
    assert.deepEqual(findings(text, 'compose-invalid-port'), []);
    assert.deepEqual(parsePort('127.0.0.1:8080:80/udp'), { hostIp: '127.0.0.1', published: [8080], target: [80, 80], protocol: 'udp' });
  });
});

describe('a valid file', () => {
  it('gets no schema finding at all', () => {
    const text = `name: shop
services:
  web:
    build:
      context: .
      target: runtime
      args:
        NODE_ENV: production
    image: shop/web:1.4.2
    ports: ["8080:80"]
    environment:
      - NODE_ENV=production
    depends_on:
      db:
        condition: service_healthy
        restart: true
    healthcheck:
      test: curl -f http://localhost/ || exit 1
      interval: 10s
    deploy:
      replicas: 2
      resources:
        limits: {cpus: "0.5", memory: 256M}
    logging:
      driver: json-file
      options: {max-size: 10m}
    volumes:
      - data:/data:ro
      - type: bind
        source: ./conf
        target: /etc/conf
  db:
    image: postgres:17
    secrets: [db_password]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
volumes:
  data: {}
secrets:
  db_password:
    file: ./db_password.txt
`;
    assert.deepEqual(diagnose(text).map((d) => `${d.code}: ${d.message}`), []);
  });
});
