import type { Range } from 'vscode-languageserver-types';
import { at, nodeRangeIn, textOf, type ComposeSource, type Merged, type MergedMap } from '../merge';
import { composeProjectOf, isLocalPath, resolvedText, resolvePath, type ComposeProject } from '../project';
import { declaredNames, namesInFile, type Declaration, type FileNames, type Section } from '../references';
import type { ComposeRuleSubject } from './context';
import type { TextStage as DockerfileStage } from '../dockerfileText';

export { dockerfileStages, type TextStage as DockerfileStage } from '../dockerfileText';

/**
 * What the cross-reference rules share: the application the file belongs to (overrides merged,
 * includes added), the names written in the file itself, and helpers for the files a service
 * points at. Findings go only to places written in the file being checked.
 */

export interface ReferenceView {
  project: ComposeProject;
  /** Names declared and referenced in the file being checked. */
  names: FileNames;
  /** Names declared anywhere in the application (layers and included files). */
  declared: Map<Section, Map<string, Declaration[]>>;
  /** The merged `services` map. */
  services: MergedMap | undefined;
}

const views = new WeakMap<object, { key: unknown; view: ReferenceView }>();

export function referenceView({ model, ctx }: ComposeRuleSubject): ReferenceView {
  const project = composeProjectOf(model, ctx.filePath, ctx.project?.files);
  const cached = views.get(model);
  if (cached?.key === project) return cached.view;
  const names = namesInFile(project.current);
  const others = [...project.layers.filter((layer) => layer !== project.current), ...project.included.flatMap((app) => app.sources)].map(namesInFile);
  // Included resources count only when the merged application kept them; a name declared in any file of the application is declared.
  const declared = declaredNames([names, ...others]);
  const services = at(project.root, 'services');
  const view: ReferenceView = { project, names, declared, services: services?.kind === 'map' ? services : undefined };
  views.set(model, { key: project, view });
  return view;
}

/** Whether a merged node was written in the file being checked (findings go there only). */
export function isCurrent(view: ReferenceView, node: { source: ComposeSource } | undefined): boolean {
  return node?.source === view.project.current;
}

export function rangeOf(node: Merged): Range {
  return nodeRangeIn(node.source, node.node);
}

/** A path value (context, env_file, dockerfile) read literally or through the `.env` values; undefined when it cannot be known. */
export function pathValue(view: ReferenceView, node: Merged | undefined): string | undefined {
  const raw = textOf(node);
  if (raw === undefined || raw === '') return undefined;
  return resolvedText(raw, view.project.lookup);
}

/** Where a service's build context and Dockerfile are, when they are local and knowable. */
export interface BuildPaths {
  build: Merged;
  contextNode?: Merged;
  context?: string;
  dockerfileNode?: Merged;
  /** Absolute path of the Dockerfile (`build.dockerfile`, default `Dockerfile` in the context). */
  dockerfile?: string;
  inline: boolean;
}

/**
 * Kept per merged service and view: five rules ask for every service's paths on each check, and
 * the answer depends only on the service's merged settings and the view's `.env` values.
 */
const buildPaths = new WeakMap<Merged, { view: ReferenceView; paths: BuildPaths | undefined }>();

export function buildPathsOf(view: ReferenceView, service: Merged | undefined): BuildPaths | undefined {
  if (!service) return undefined;
  const kept = buildPaths.get(service);
  if (kept?.view === view) return kept.paths;
  const paths = readBuildPaths(view, service);
  buildPaths.set(service, { view, paths });
  return paths;
}

/** buildPathsOf without the memo (its differential test compares both). */
export function readBuildPaths(view: ReferenceView, service: Merged): BuildPaths | undefined {
  const build = at(service, 'build');
  if (!build) return undefined;
  const contextNode = build.kind === 'scalar' ? build : at(build, 'context');
  const contextText = contextNode ? pathValue(view, contextNode) : '.';
  const base = (contextNode ?? build).source.projectDir;
  const context = contextText !== undefined && isLocalPath(contextText) ? resolvePath(base, contextText) : undefined;
  const dockerfileNode = at(build, 'dockerfile');
  const inline = at(build, 'dockerfile_inline') !== undefined;
  const dockerfileText = dockerfileNode ? pathValue(view, dockerfileNode) : 'Dockerfile';
  const dockerfile = context !== undefined && dockerfileText !== undefined && !inline ? resolvePath(context, dockerfileText) : undefined;
  return { build, contextNode, context, dockerfileNode, dockerfile, inline };
}

/** Whether the image a stage builds has a healthcheck: its own, or inherited from an earlier stage; `unknown` from outside images. */
export function stageHealthcheck(stages: DockerfileStage[], index: number, depth = 0): 'check' | 'none' | 'unknown' {
  const stage = stages[index];
  if (!stage || depth > stages.length) return 'unknown';
  if (stage.healthcheck) return stage.healthcheck;
  const base = stage.base.toLowerCase();
  const earlier = stages.slice(0, index).map((s, i) => ({ s, i })).reverse().find(({ s }) => s.name === base);
  if (earlier) return stageHealthcheck(stages, earlier.i, depth + 1);
  return 'unknown';
}

/** The merged settings of a service. */
export function serviceOf(view: ReferenceView, name: string): Merged | undefined {
  return view.services?.entries.get(name)?.value;
}

/** A service's `profiles` (empty: always on). */
export function profilesOf(service: Merged | undefined): string[] {
  const profiles = at(service, 'profiles');
  if (profiles?.kind !== 'seq') return [];
  return profiles.items.flatMap((item) => {
    const text = textOf(item);
    return text ? [text] : [];
  });
}
