import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { pick, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import type { ComposeCursor, ComposeModel } from './model';

/**
 * Whole services written for you, offered where a service can start (a new key under `services:`),
 * and a first service in an empty file. Lines are relative to the service's indentation.
 */
interface ServiceSnippet {
  label: string;
  title: Localized;
  docs: Localized;
  lines: string[];
}

const serviceSnippets: ServiceSnippet[] = [
  {
    label: 'service',
    title: { en: 'A service from an image', zh: '基于镜像的服务' },
    docs: { en: 'A service running a pinned image, with a published port and a restart policy.', zh: '运行固定版本镜像的服务，发布一个端口并设置重启策略。' },
    lines: [
      '${1:app}:',
      '  image: ${2:nginx:1.27}',
      '  ports:',
      '    - "${3:8080}:${4:80}"',
      '  restart: ${5|unless-stopped,always,on-failure,no|}',
    ],
  },
  {
    label: 'web + database',
    title: { en: 'A web service and its database, started once the database is healthy', zh: 'Web 服务及其数据库，数据库健康后再启动 Web' },
    docs: {
      en: 'A web service built from the folder, and PostgreSQL with a healthcheck: `depends_on` with `condition: service_healthy` starts the web service only once the database accepts connections. The password comes from the environment (`.env`), not the file.',
      zh: '从当前目录构建的 Web 服务，以及带健康检查的 PostgreSQL：`depends_on` 配合 `condition: service_healthy`，只在数据库能接受连接后才启动 Web 服务。密码来自环境变量（`.env`），而不是写在文件里。',
    },
    lines: [
      '${1:web}:',
      '  build: ${2:.}',
      '  ports:',
      '    - "${3:8000}:${4:8000}"',
      '  environment:',
      '    DATABASE_HOST: ${5:db}',
      '  depends_on:',
      '    ${5:db}:',
      '      condition: service_healthy',
      '${5:db}:',
      '  image: ${6:postgres:17}',
      '  environment:',
      '    POSTGRES_USER: ${7:app}',
      '    POSTGRES_DB: ${8:app}',
      '    POSTGRES_PASSWORD: \\${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}',
      '  healthcheck:',
      '    test: ["CMD-SHELL", "pg_isready -U ${7:app} -d ${8:app}"]',
      '    interval: 5s',
      '    timeout: 3s',
      '    retries: 5',
    ],
  },
  {
    label: 'stack service',
    title: { en: 'A Swarm stack service with deploy settings', zh: '带 deploy 设置的 Swarm 栈服务' },
    docs: {
      en: 'A service for `docker stack deploy`: replicas, rolling updates that start the new task first, automatic rollback, a restart policy, resource limits and a placement constraint.',
      zh: '用于 `docker stack deploy` 的服务：副本数、先启动新任务的滚动更新、自动回滚、重启策略、资源上限和调度约束。',
    },
    lines: [
      '${1:api}:',
      '  image: ${2:registry.example.com/api:1.0.0}',
      '  ports:',
      '    - "${3:8080}:${4:8080}"',
      '  deploy:',
      '    replicas: ${5:3}',
      '    update_config:',
      '      parallelism: 1',
      '      delay: 10s',
      '      order: start-first',
      '      failure_action: rollback',
      '    rollback_config:',
      '      parallelism: 1',
      '    restart_policy:',
      '      condition: on-failure',
      '      max_attempts: 3',
      '    resources:',
      '      limits:',
      '        cpus: "0.50"',
      '        memory: 256M',
      '    placement:',
      '      constraints:',
      '        - node.role == worker',
    ],
  },
];

const snippetMark: Localized = { en: 'Compose snippet', zh: 'Compose 代码片段' };

export function snippetItems(model: ComposeModel, cursor: ComposeCursor | undefined, position: Position, ctx: FeatureContext): CompletionItem[] {
  if (model.text.trim() === '') return emptyFileItems(position, ctx);
  if (!cursor || cursor.target !== 'key' || cursor.hasColon || cursor.inFlow || cursor.beforeContent) return [];
  if (cursor.parent.length !== 1 || cursor.parent[0] !== 'services') return [];
  const range = { start: model.document.positionAt(cursor.replace.start), end: model.document.positionAt(cursor.replace.end) };
  const indent = ' '.repeat(cursor.indent);
  return serviceSnippets.map((snippet, i) => ({
    label: snippet.label,
    kind: CompletionItemKind.Snippet,
    detail: `${pick(snippetMark, ctx.lang)} · ${pick(snippet.title, ctx.lang)}`,
    documentation: { kind: MarkupKind.Markdown, value: pick(snippet.docs, ctx.lang) },
    sortText: `~${i}`,
    filterText: snippet.label,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText: snippet.lines.map((line, n) => (n === 0 ? line : `${indent}${line}`)).join('\n') },
  }));
}

/** An empty file: a Compose file with its first service. */
function emptyFileItems(position: Position, ctx: FeatureContext): CompletionItem[] {
  const range = { start: { line: position.line, character: 0 }, end: position };
  return serviceSnippets.map((snippet, i) => ({
    label: `services: ${snippet.label}`,
    kind: CompletionItemKind.Snippet,
    detail: `${pick(snippetMark, ctx.lang)} · ${pick(snippet.title, ctx.lang)}`,
    documentation: { kind: MarkupKind.Markdown, value: pick(snippet.docs, ctx.lang) },
    sortText: `~${i}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText: ['services:', ...snippet.lines.map((line) => `  ${line}`)].join('\n') },
  }));
}
