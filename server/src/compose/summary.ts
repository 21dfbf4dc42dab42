import { pick, type Localized } from '../common/localized';
import type { DocumentSummary, FeatureContext } from '../common/service';
import { entriesOf, servicesOf, type ComposeModel } from './model';

/** What the editor's language status says about a Compose file: "Compose · 3 services". */

const maxListedServices = 6;

const words = {
  compose: { en: 'Compose', zh: 'Compose' },
  noService: { en: 'no service yet', zh: '尚无服务' },
  oneService: { en: '1 service', zh: '1 个服务' },
  services: { en: '{n} services', zh: '{n} 个服务' },
  servicesDetail: { en: 'Services: ', zh: '服务：' },
  declared: { en: 'Also declared: ', zh: '另声明了：' },
  noServiceDetail: { en: 'Add services under the top-level `services:` key.', zh: '请在顶层 `services:` 下添加服务。' },
  listSeparator: { en: ', ', zh: '、' },
  more: { en: ', {n} more', zh: '，另有 {n} 个' },
  sections: {
    networks: { en: '{n} networks', zh: '{n} 个网络' },
    volumes: { en: '{n} volumes', zh: '{n} 个卷' },
    configs: { en: '{n} configs', zh: '{n} 个配置' },
    secrets: { en: '{n} secrets', zh: '{n} 个密钥' },
  },
} satisfies Record<string, Localized | Record<string, Localized>>;

const fill = (text: Localized, ctx: FeatureContext, n: number) => pick(text, ctx.lang).replace('{n}', String(n));

export function summarizeCompose(model: ComposeModel, ctx: FeatureContext): DocumentSummary {
  const services = servicesOf(model);
  const title = pick(words.compose, ctx.lang);
  if (services.length === 0) return { language: 'compose', text: `${title} · ${pick(words.noService, ctx.lang)}`, detail: pick(words.noServiceDetail, ctx.lang) };
  const count = services.length === 1 ? pick(words.oneService, ctx.lang) : fill(words.services, ctx, services.length);
  const separator = pick(words.listSeparator, ctx.lang);
  const listed = services.slice(0, maxListedServices).map((service) => service.name).join(separator);
  const more = services.length > maxListedServices ? fill(words.more, ctx, services.length - maxListedServices) : '';
  const others = (Object.keys(words.sections) as (keyof typeof words.sections)[])
    .map((section) => [section, entriesOf(model, section).length] as const)
    .filter(([, n]) => n > 0)
    .map(([section, n]) => fill(words.sections[section], ctx, n));
  const declared = others.length > 0 ? `\n${pick(words.declared, ctx.lang)}${others.join(separator)}` : '';
  return { language: 'compose', text: `${title} · ${count}`, detail: `${pick(words.servicesDetail, ctx.lang)}${listed}${more}${declared}` };
}
