import type { Instruction } from 'dockerfile-ast';
import type { ExposedPort, ImageCommand, ImageFacts, ImageHealthcheck } from '../common/imageFacts';
import type { DockerfileModel } from './model';

/**
 * The image facts of a Dockerfile's final stage (common/imageFacts.ts), for the checks that
 * compare a Kubernetes container with the image it runs. A final stage built `FROM` an earlier
 * stage inherits that stage's USER, ENV, EXPOSE, VOLUME, ENTRYPOINT/CMD and HEALTHCHECK, so the
 * chain of stages is followed back to the first one built from an outside image.
 */

interface StageSlice {
  from: Instruction;
  name?: string;
  image: string;
  instructions: Instruction[];
}

export function imageFactsOf(model: DockerfileModel): ImageFacts | undefined {
  const stages = stagesOf(model.ast.getInstructions());
  const final = stages.at(-1);
  if (!final) return undefined;
  const chain = stageChain(stages, stages.length - 1);
  const facts: ImageFacts = {
    createdUsers: {}, exposed: [], volumes: [], env: {}, args: [],
    fromRange: final.from.getRange(),
  };
  const root = chain[0];
  if (root.image.toLowerCase() !== 'scratch') facts.baseImage = root.image;
  // ARGs before the first FROM are global; the others belong to their stage.
  for (const instruction of model.ast.getInstructions()) {
    if (instruction.getKeyword() === 'ARG') {
      for (const word of instruction.getArgumentsContent()?.split(/\s+/) ?? []) {
        const name = word.split('=')[0];
        if (name && !facts.args.includes(name)) facts.args.push(name);
      }
    }
  }
  for (const stage of chain) {
    for (const instruction of stage.instructions) readInstruction(instruction, facts);
  }
  // Users are created anywhere in the file (a build stage may write /etc/passwd that is copied over).
  for (const instruction of model.ast.getInstructions()) {
    if (instruction.getKeyword() === 'RUN') Object.assign(facts.createdUsers, createdUsersOf(instruction.getArgumentsContent() ?? ''));
  }
  return facts;
}

function stagesOf(instructions: readonly Instruction[]): StageSlice[] {
  const stages: StageSlice[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const words = (instruction.getArgumentsContent() ?? '').split(/\s+/).filter((w) => w && !w.startsWith('--'));
      const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ from: instruction, image: words[0] ?? '', name: asIndex > 0 ? words[asIndex + 1]?.toLowerCase() : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The stages a stage is built on, oldest first, ending with the stage itself. */
function stageChain(stages: StageSlice[], index: number): StageSlice[] {
  const chain: StageSlice[] = [stages[index]];
  let current = index;
  for (;;) {
    const image = stages[current].image.toLowerCase();
    let parent = -1;
    for (let i = current - 1; i >= 0; i--) if (stages[i].name === image) { parent = i; break; }
    if (parent < 0) return chain;
    chain.unshift(stages[parent]);
    current = parent;
  }
}

function readInstruction(instruction: Instruction, facts: ImageFacts): void {
  const content = (instruction.getArgumentsContent() ?? '').trim();
  switch (instruction.getKeyword()) {
    case 'USER':
      facts.user = content.split(/\s+/)[0];
      facts.userRange = instruction.getRange();
      break;
    case 'EXPOSE':
      for (const port of exposedPorts(content)) {
        if (!facts.exposed.some((p) => p.port === port.port && p.protocol === port.protocol)) facts.exposed.push(port);
      }
      break;
    case 'ENV': {
      const properties = (instruction as unknown as { getProperties?(): { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
      for (const property of properties) {
        const value = property.getValue();
        if (value === null || value.includes('$')) delete facts.env[property.getName()];
        else facts.env[property.getName()] = value;
      }
      break;
    }
    case 'VOLUME':
      for (const path of volumePaths(content)) if (!facts.volumes.includes(path)) facts.volumes.push(path);
      break;
    case 'ENTRYPOINT':
      facts.entrypoint = commandOf(content);
      // Docker resets an inherited CMD when ENTRYPOINT is set in a stage.
      facts.cmd = undefined;
      break;
    case 'CMD':
      facts.cmd = commandOf(content);
      break;
    case 'HEALTHCHECK':
      if (/^none$/i.test(content)) {
        facts.healthcheck = undefined;
        facts.healthcheckDisabled = true;
      } else {
        facts.healthcheck = healthcheckOf(content);
        facts.healthcheckDisabled = false;
      }
      break;
  }
}

export function exposedPorts(content: string): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const word of content.split(/\s+/)) {
    const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!match) continue;
    const first = Number(match[1]);
    const last = match[2] ? Math.min(Number(match[2]), first + 100) : first;
    const protocol = (match[3]?.toLowerCase() ?? 'tcp') as ExposedPort['protocol'];
    for (let port = first; port <= last; port++) ports.push({ port, protocol });
  }
  return ports;
}

function volumePaths(content: string): string[] {
  if (content.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(content);
      if (Array.isArray(parsed)) return parsed.filter((p): p is string => typeof p === 'string' && !p.includes('$'));
    } catch { /* shell form after all */ }
  }
  return content.split(/\s+/).filter((p) => p.startsWith('/') && !p.includes('$'));
}

export function commandOf(content: string): ImageCommand {
  if (content.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(content);
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) return { form: 'exec', words: parsed as string[] };
    } catch { /* not valid JSON: Docker runs it as a shell command */ }
  }
  return { form: 'shell', words: [content] };
}

function healthcheckOf(content: string): ImageHealthcheck {
  const command = content.replace(/^cmd\s+/i, '');
  const check: ImageHealthcheck = { command };
  let text = command;
  if (command.startsWith('[')) {
    const parsed = commandOf(command);
    text = parsed.words.join(' ');
  }
  if (/\b(curl|wget)\b/.test(text)) {
    const url = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?(\/[^\s'"|;&)]*)?/.exec(text);
    if (url && url[0].startsWith('http:')) check.http = { port: url[1] ? Number(url[1]) : 80, path: url[2] ?? '/' };
  }
  return check;
}

/** Options of useradd / adduser (shadow, Debian and BusyBox) that take a value. */
const optionsWithValue = new Set([
  '-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home', '--home-dir', '-h', '-s', '--shell',
  '-c', '--comment', '--gecos', '-k', '--skel', '-e', '--expiredate', '-f', '--inactive', '-p', '--password',
  '-K', '--key', '--ingroup', '--firstuid', '--lastuid', '-b', '--base-dir', '-R', '--root', '-P', '--prefix',
]);

/** `useradd -u 1000 app`, `adduser -D -u 1000 app`, `adduser --uid 1000 app` in a RUN line. */
export function createdUsersOf(run: string): Record<string, number> {
  const users: Record<string, number> = {};
  for (const segment of run.split(/&&|\|\||;|\n|\|/)) {
    const words = segment.trim().split(/\s+/).filter((w) => w !== '\\');
    const command = words.findIndex((w) => /(^|\/)(useradd|adduser)$/.test(w));
    if (command < 0) continue;
    let uid: number | undefined;
    let name: string | undefined;
    for (let i = command + 1; i < words.length; i++) {
      const word = words[i];
      const inline = /^(--uid|-u)=?(\d+)$/.exec(word);
      if (inline) { uid = Number(inline[2]); continue; }
      if (optionsWithValue.has(word)) {
        if (word === '-u' || word === '--uid') uid = /^\d+$/.test(words[i + 1] ?? '') ? Number(words[i + 1]) : undefined;
        i++;
        continue;
      }
      if (word.startsWith('-')) continue;
      if (name === undefined) name = word.replace(/^["']|["']$/g, '');
    }
    if (uid !== undefined && name && /^[a-z_][a-z0-9_.-]*\$?$/i.test(name)) users[name] = uid;
  }
  return users;
}
