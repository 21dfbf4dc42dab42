import type { Argument } from 'dockerfile-ast';
import type { Rule } from '../../common/rules';
import type { DockerfileModel } from '../model';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';
import { perModel } from '../perModel';

type Subject = DockerfileRuleSubject;

interface ExposeEntry {
  arg: Argument;
  /** What comes before the container port (`127.0.0.1:8080:`), if anything. */
  hostPart: string;
  port: string;
  protocol?: string;
}

/** Every EXPOSE word split into host part, port and protocol; read once per model for the three EXPOSE rules. */
const exposeEntries = perModel((model): readonly ExposeEntry[] => readExposeEntries(model));

function readExposeEntries(model: DockerfileModel): ExposeEntry[] {
  const facts = factsOf(model);
  const entries: ExposeEntry[] = [];
  for (const instruction of facts.instructionsWith('EXPOSE')) {
    for (const arg of facts.lineArguments(instruction)) {
      const value = arg.getValue();
      if (value.includes('$')) continue;
      const slash = value.lastIndexOf('/');
      const portPart = slash >= 0 ? value.slice(0, slash) : value;
      const colon = portPart.lastIndexOf(':');
      entries.push({
        arg,
        hostPart: colon >= 0 ? portPart.slice(0, colon + 1) : '',
        port: colon >= 0 ? portPart.slice(colon + 1) : portPart,
        protocol: slash >= 0 ? value.slice(slash + 1) : undefined,
      });
    }
  }
  return entries;
}

const isPort = (text: string) => /^\d{1,5}$/.test(text) && Number(text) <= 65535;

export const invalidExposePort: Rule<Subject> = {
  meta: {
    id: 'invalid-expose-port', scope: 'stage',
    aliases: ['DL3011'],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Invalid port or protocol in EXPOSE', zh: 'EXPOSE 中的端口或协议无效' },
    docs: {
      en: '`EXPOSE` takes ports from 0 to 65535, or ranges such as `8000-8010`, optionally followed by `/tcp`, `/udp` or `/sctp`. Anything else fails the build.',
      zh: '`EXPOSE` 接受 0 到 65535 之间的端口或 `8000-8010` 这样的端口范围，后面可以跟 `/tcp`、`/udp` 或 `/sctp`。其他写法都会导致构建失败。',
    },
  },
  check({ model }, report) {
    for (const entry of exposeEntries(model)) {
      const [low, high, ...rest] = entry.port.split('-');
      const validRange = rest.length === 0 && isPort(low) && (high === undefined || (isPort(high) && Number(high) >= Number(low)));
      if (!validRange) {
        report({ range: entry.arg.getRange(), message: { en: `"${entry.port}" is not a valid port: use 0-65535 or a range like 8000-8010.`, zh: `"${entry.port}" 不是有效的端口：请使用 0-65535 或 8000-8010 这样的范围。` } });
      } else if (entry.protocol !== undefined && !['tcp', 'udp', 'sctp'].includes(entry.protocol.toLowerCase())) {
        report({ range: entry.arg.getRange(), message: { en: `Unknown protocol "${entry.protocol}"; use tcp, udp or sctp.`, zh: `未知的协议 "${entry.protocol}"；请使用 tcp、udp 或 sctp。` } });
      }
    }
  },
};

export const exposeHostMapping: Rule<Subject> = {
  meta: {
    id: 'expose-host-mapping', scope: 'instruction', fixable: true,
    aliases: ['ExposeInvalidFormat'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Host address or port in EXPOSE', zh: 'EXPOSE 中包含主机地址或端口' },
    docs: {
      en: '`EXPOSE` only documents the container\'s port; which host port or address it is published on is decided by `docker run -p`. An IP address or `host:container` mapping here is ignored, and BuildKit says it will become an error.\n\nKeep only the container port (the quick fix does).',
      zh: '`EXPOSE` 只声明容器端口；映射到哪个主机端口或地址由 `docker run -p` 决定。这里写 IP 地址或 `主机:容器` 映射会被忽略，BuildKit 还提示将来会视为错误。\n\n只保留容器端口即可（快速修复会自动处理）。',
    },
  },
  check({ model }, report) {
    for (const entry of exposeEntries(model)) {
      if (!entry.hostPart) continue;
      const kept = entry.port + (entry.protocol !== undefined ? `/${entry.protocol}` : '');
      report({
        range: entry.arg.getRange(),
        message: { en: `EXPOSE takes only the container port; use ${kept} and publish with docker run -p.`, zh: `EXPOSE 只接受容器端口；请写成 ${kept}，并用 docker run -p 发布。` },
        fixes: [fix({ en: `Change to ${kept}`, zh: `改为 ${kept}` }, [replace(entry.arg.getRange(), kept)])],
      });
    }
  },
};

export const exposeProtocolCasing: Rule<Subject> = {
  meta: {
    id: 'expose-protocol-casing', scope: 'instruction', fixable: true,
    aliases: ['ExposeProtoCasing'],
    severity: 'warning',
    category: 'style',
    profile: 'recommended',
    title: { en: 'EXPOSE protocol not in lower case', zh: 'EXPOSE 协议不是小写' },
    docs: {
      en: 'Protocols in `EXPOSE` are written in lower case (`80/tcp`); BuildKit warns about `80/TCP`.',
      zh: '`EXPOSE` 中的协议应写成小写（`80/tcp`）；BuildKit 会对 `80/TCP` 给出警告。',
    },
  },
  check({ model }, report) {
    for (const entry of exposeEntries(model)) {
      if (entry.protocol === undefined || entry.protocol === entry.protocol.toLowerCase()) continue;
      const range = entry.arg.getRange();
      const protocolRange = { start: { line: range.end.line, character: range.end.character - entry.protocol.length }, end: range.end };
      report({
        range: protocolRange,
        message: { en: `Write the protocol in lower case: ${entry.protocol.toLowerCase()}.`, zh: `协议请写成小写：${entry.protocol.toLowerCase()}。` },
        fixes: [fix({ en: `Change to ${entry.protocol.toLowerCase()}`, zh: `改为 ${entry.protocol.toLowerCase()}` }, [replace(protocolRange, entry.protocol.toLowerCase())])],
      });
    }
  },
};
