import type { FeatureContext } from '../../common/service';
import type { ManifestFile } from '../model';

/** What every Kubernetes rule receives: the parsed file (all its documents) and the run's context. */
export interface ManifestRuleSubject {
  file: ManifestFile;
  ctx: FeatureContext;
}
