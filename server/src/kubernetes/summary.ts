import { looksLikeCompose } from '../common/composeShape';
import { pick, type Localized } from '../common/localized';
import type { DocumentSummary, FeatureContext } from '../common/service';
import type { ManifestFile } from './model';
import { objectsOf } from './objects';
import { targetRelease } from './schema';
import { looksLikeKubernetes, templatingOffset } from './templating';

/**
 * What the editor's language status says about a YAML file: the Kubernetes version the schema
 * comes from and the kinds found ("Kubernetes 1.36 · Deployment, Service"), or why the file gets
 * nothing (a template, or YAML that is not Kubernetes).
 */

/** A status line stays short: the first kinds by name, the rest counted. */
const maxKindsInText = 3;
const maxListedObjects = 6;

const words = {
  notKubernetes: { en: 'YAML · no Kubernetes object', zh: 'YAML · 没有 Kubernetes 对象' },
  notKubernetesDetail: { en: 'Stevedore checks YAML documents that have both apiVersion and kind.', zh: 'Stevedore 只检查同时含有 apiVersion 和 kind 的 YAML 文档。' },
  composeLike: { en: 'YAML · looks like a Compose file', zh: 'YAML · 看起来是 Compose 文件' },
  composeLikeDetail: { en: 'Its services have an image or a build. Treat it as a Compose file to get Compose checks, hover and completion.', zh: '其中的服务带有 image 或 build。将它作为 Compose 文件打开，即可获得 Compose 检查、悬停提示和补全。' },
  template: { en: 'template · not checked', zh: '模板 · 未检查' },
  templateDetail: { en: 'Template actions ({{ … }}) make this a chart template, not a manifest: render it (e.g. helm template) and check the output.', zh: '文件含有模板指令（{{ … }}），是 Chart 模板而不是清单：请先渲染（例如 helm template）再检查输出。' },
  noObject: { en: 'No object could be read yet: each document needs apiVersion and kind (check the YAML syntax).', zh: '还读不出任何对象：每个文档都需要 apiVersion 和 kind（请检查 YAML 语法）。' },
  oneObject: { en: '1 object: ', zh: '1 个对象：' },
  objects: { en: '{n} objects: ', zh: '{n} 个对象：' },
  listSeparator: { en: ', ', zh: '、' },
  more: { en: ', {n} more', zh: '，另有 {n} 个' },
} satisfies Record<string, Localized>;

function fill(text: Localized, ctx: FeatureContext, n: number): string {
  return pick(text, ctx.lang).replace('{n}', String(n));
}

export function summarizeManifest(file: ManifestFile, ctx: FeatureContext): DocumentSummary {
  // The release the checks target (stevedore.kubernetes.version), which is what the status promises.
  const versioned = `Kubernetes ${targetRelease(ctx.settings)}`;
  if (!looksLikeKubernetes(file)) {
    // A Compose file under a name Compose detection does not know (stack.yml): the editor offers to switch.
    if (file.documents.length === 1 && looksLikeCompose(file.documents[0]!.yaml)) {
      return { language: 'other', text: pick(words.composeLike, ctx.lang), detail: pick(words.composeLikeDetail, ctx.lang), suggestedLanguage: 'dockercompose' };
    }
    return { language: 'other', text: pick(words.notKubernetes, ctx.lang), detail: pick(words.notKubernetesDetail, ctx.lang) };
  }
  if (templatingOffset(file) !== undefined) {
    return { language: 'kubernetes', text: `Kubernetes ${pick(words.template, ctx.lang)}`, detail: pick(words.templateDetail, ctx.lang) };
  }
  const objects = objectsOf(file);
  if (objects.length === 0) return { language: 'kubernetes', text: versioned, detail: pick(words.noObject, ctx.lang) };
  const kinds = [...new Set(objects.map((object) => object.kind))];
  const separator = pick(words.listSeparator, ctx.lang);
  const shownKinds = kinds.slice(0, maxKindsInText).join(', ') + (kinds.length > maxKindsInText ? ` +${kinds.length - maxKindsInText}` : '');
  // kubectl's kind/name: the way the objects are named on the command line, in both languages.
  const listed = objects.slice(0, maxListedObjects).map((object) => (object.name ? `${object.kind}/${object.name}` : object.kind)).join(separator);
  const more = objects.length > maxListedObjects ? fill(words.more, ctx, objects.length - maxListedObjects) : '';
  const count = objects.length === 1 ? pick(words.oneObject, ctx.lang) : fill(words.objects, ctx, objects.length);
  return { language: 'kubernetes', text: `${versioned} · ${shownKinds}`, detail: `${count}${listed}${more}` };
}
