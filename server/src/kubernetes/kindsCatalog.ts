import type { Localized } from '../common/localized';
import type { KindDoc } from './kindDoc';

/**
 * What each kind of the built-in CRD catalog (schema/catalog/) is for, by `group/Kind` (names
 * repeat across projects: Gateway API's and Istio's Gateway, Knative's Service and Route). Our own
 * words, English and Chinese; the field docs come from the CRDs and stay in English.
 */
const c = (apiVersion: string, summary: Localized, common = false): KindDoc => ({ apiVersion, summary, common });

export const catalogKindDocs: Record<string, KindDoc> = {
  // Gateway API
  'gateway.networking.k8s.io/GatewayClass': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: a kind of gateway a controller implements (Envoy Gateway, Istio, Cilium, a cloud load balancer…). Gateways pick one with gatewayClassName. Cluster-scoped.', zh: 'Gateway API：由某个控制器实现的一类网关（Envoy Gateway、Istio、Cilium、云负载均衡器等）。Gateway 通过 gatewayClassName 选择它。集群级资源。' }),
  'gateway.networking.k8s.io/Gateway': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: a load balancer with listeners (port, protocol, host name, TLS) that routes attach to through parentRefs; the successor of Ingress for traffic entering the cluster.', zh: 'Gateway API：带有监听器（端口、协议、主机名、TLS）的负载均衡器，路由通过 parentRefs 挂接到它；是集群入口流量方面 Ingress 的继任者。' }, true),
  'gateway.networking.k8s.io/HTTPRoute': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: HTTP routing rules — match on host, path, headers, query or method, then filter (rewrite, redirect, add headers, mirror) and send to weighted backendRefs (usually Services). Attached to Gateways through parentRefs.', zh: 'Gateway API：HTTP 路由规则——按主机、路径、请求头、查询参数或方法匹配，然后进行过滤（重写、重定向、添加请求头、镜像），再按权重转发到 backendRefs（通常是 Service）。通过 parentRefs 挂接到 Gateway。' }, true),
  'gateway.networking.k8s.io/GRPCRoute': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: routing of gRPC calls by service and method to backendRefs.', zh: 'Gateway API：按服务和方法把 gRPC 调用路由到 backendRefs。' }),
  'gateway.networking.k8s.io/TLSRoute': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: routes TLS connections by SNI host name to backends without terminating TLS.', zh: 'Gateway API：按 SNI 主机名把 TLS 连接路由到后端，不终止 TLS。' }),
  'gateway.networking.k8s.io/TCPRoute': c('gateway.networking.k8s.io/v1alpha2', { en: 'Gateway API (experimental channel): forwards TCP connections from a listener to backendRefs.', zh: 'Gateway API（实验通道）：把监听器上的 TCP 连接转发到 backendRefs。' }),
  'gateway.networking.k8s.io/UDPRoute': c('gateway.networking.k8s.io/v1alpha2', { en: 'Gateway API (experimental channel): forwards UDP traffic from a listener to backendRefs.', zh: 'Gateway API（实验通道）：把监听器上的 UDP 流量转发到 backendRefs。' }),
  'gateway.networking.k8s.io/ReferenceGrant': c('gateway.networking.k8s.io/v1beta1', { en: 'Gateway API: allows objects of another namespace (routes, Gateways) to refer to objects in this one, such as Services or Secrets; without it such references are refused.', zh: 'Gateway API：允许其他命名空间中的对象（路由、Gateway）引用本命名空间中的对象（如 Service 或 Secret）；没有它，这类跨命名空间引用会被拒绝。' }),
  'gateway.networking.k8s.io/BackendTLSPolicy': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: how a gateway connects to a backend Service over TLS (CA certificates, host name to verify).', zh: 'Gateway API：网关如何通过 TLS 连接后端 Service（CA 证书、要校验的主机名）。' }),
  'gateway.networking.k8s.io/ListenerSet': c('gateway.networking.k8s.io/v1', { en: 'Gateway API: extra listeners attached to a Gateway from another object, so teams can add their own host names and certificates.', zh: 'Gateway API：从另一个对象挂接到 Gateway 的额外监听器，便于各团队添加自己的主机名和证书。' }),
  // cert-manager
  'cert-manager.io/Certificate': c('cert-manager.io/v1', { en: 'cert-manager: a TLS certificate to obtain from an Issuer and keep renewed; the key pair is stored in the Secret named by secretName.', zh: 'cert-manager：需要从 Issuer 获取并自动续期的 TLS 证书；密钥对保存在 secretName 指定的 Secret 中。' }, true),
  'cert-manager.io/Issuer': c('cert-manager.io/v1', { en: 'cert-manager: a certificate authority usable in one namespace — ACME (Let\'s Encrypt), a CA key pair, Vault, self-signed…', zh: 'cert-manager：在单个命名空间内可用的证书颁发机构——ACME（Let\'s Encrypt）、CA 密钥对、Vault、自签名等。' }, true),
  'cert-manager.io/ClusterIssuer': c('cert-manager.io/v1', { en: 'cert-manager: like an Issuer, but usable from every namespace. Cluster-scoped.', zh: 'cert-manager：与 Issuer 相同，但可在所有命名空间中使用。集群级资源。' }, true),
  'cert-manager.io/CertificateRequest': c('cert-manager.io/v1', { en: 'cert-manager: one signing request to an issuer, usually created by cert-manager for a Certificate.', zh: 'cert-manager：发给颁发者的一次签名请求，通常由 cert-manager 为某个 Certificate 创建。' }),
  // Prometheus operator
  'monitoring.coreos.com/ServiceMonitor': c('monitoring.coreos.com/v1', { en: 'Prometheus operator: tells Prometheus to scrape the endpoints of the Services its selector matches, on the named ports and paths.', zh: 'Prometheus Operator：让 Prometheus 抓取选择器匹配的 Service 的端点，使用指定的端口和路径。' }, true),
  'monitoring.coreos.com/PodMonitor': c('monitoring.coreos.com/v1', { en: 'Prometheus operator: tells Prometheus to scrape pods directly, chosen by labels, on named container ports.', zh: 'Prometheus Operator：让 Prometheus 直接抓取按标签选中的 Pod，使用指定的容器端口。' }),
  'monitoring.coreos.com/PrometheusRule': c('monitoring.coreos.com/v1', { en: 'Prometheus operator: alerting and recording rules, loaded by the Prometheus instances whose rule selector matches.', zh: 'Prometheus Operator：告警规则和记录规则，由规则选择器匹配的 Prometheus 实例加载。' }, true),
  'monitoring.coreos.com/Probe': c('monitoring.coreos.com/v1', { en: 'Prometheus operator: black-box probing of static targets or Ingresses through a prober such as the blackbox exporter.', zh: 'Prometheus Operator：通过 blackbox exporter 等探测器对静态目标或 Ingress 做黑盒探测。' }),
  // Argo CD and Argo Rollouts
  'argoproj.io/Application': c('argoproj.io/v1alpha1', { en: 'Argo CD: keeps a set of manifests from a Git, Helm or OCI source deployed to a destination cluster and namespace, with optional automatic sync and pruning.', zh: 'Argo CD：把来自 Git、Helm 或 OCI 源的一组清单持续部署到目标集群和命名空间，可选择自动同步和清理。' }, true),
  'argoproj.io/AppProject': c('argoproj.io/v1alpha1', { en: 'Argo CD: groups Applications and limits what they may deploy — source repositories, destinations, resource kinds — and who may manage them.', zh: 'Argo CD：对 Application 分组，并限制它们可以部署什么——源仓库、目标位置、资源类型——以及谁可以管理它们。' }),
  'argoproj.io/Rollout': c('argoproj.io/v1alpha1', { en: 'Argo Rollouts: a Deployment replacement with progressive delivery — canary steps with traffic shifting, or blue-green with preview and active Services — and automated analysis. Runs pods from its pod template, so the workload checks apply.', zh: 'Argo Rollouts：支持渐进式交付的 Deployment 替代品——带流量切换的金丝雀步骤，或带预览和活动 Service 的蓝绿发布——以及自动化分析。它按自身的 Pod 模板运行 Pod，因此适用工作负载检查。' }, true),
  'argoproj.io/AnalysisTemplate': c('argoproj.io/v1alpha1', { en: 'Argo Rollouts: metrics queries (Prometheus, Datadog, a Job…) with success conditions that decide whether a rollout step may continue.', zh: 'Argo Rollouts：带成功条件的指标查询（Prometheus、Datadog、Job 等），用于判断发布步骤能否继续。' }),
  'argoproj.io/ClusterAnalysisTemplate': c('argoproj.io/v1alpha1', { en: 'Argo Rollouts: an AnalysisTemplate usable from every namespace. Cluster-scoped.', zh: 'Argo Rollouts：可在所有命名空间使用的 AnalysisTemplate。集群级资源。' }),
  // Istio
  'networking.istio.io/VirtualService': c('networking.istio.io/v1', { en: 'Istio: routing rules for traffic to a host — matches, retries, timeouts, fault injection and weighted destinations (Service subsets).', zh: 'Istio：针对某个主机的流量路由规则——匹配条件、重试、超时、故障注入以及按权重分配的目标（Service 子集）。' }, true),
  'networking.istio.io/DestinationRule': c('networking.istio.io/v1', { en: 'Istio: policies for traffic to a Service once routed — load balancing, connection pools, outlier detection, TLS — and its subsets by pod labels.', zh: 'Istio：流量路由到某个 Service 后适用的策略——负载均衡、连接池、异常检测、TLS——以及按 Pod 标签划分的子集。' }, true),
  'networking.istio.io/Gateway': c('networking.istio.io/v1', { en: 'Istio: ports, protocols and host names an Istio ingress or egress gateway exposes; VirtualServices bind to it.', zh: 'Istio：Istio 入口或出口网关暴露的端口、协议和主机名；VirtualService 绑定到它上面。' }),
  'networking.istio.io/ServiceEntry': c('networking.istio.io/v1', { en: 'Istio: adds an external service (or extra endpoints) to the mesh\'s service registry.', zh: 'Istio：把外部服务（或额外的端点）加入网格的服务注册表。' }),
  'networking.istio.io/Sidecar': c('networking.istio.io/v1', { en: 'Istio: limits which ports and hosts the sidecar proxies of selected workloads handle.', zh: 'Istio：限制所选工作负载的 sidecar 代理处理哪些端口和主机。' }),
  'security.istio.io/AuthorizationPolicy': c('security.istio.io/v1', { en: 'Istio: allow, deny or custom authorization rules for requests to the selected workloads, by source, operation and conditions.', zh: 'Istio：针对发往所选工作负载的请求的允许、拒绝或自定义授权规则，按来源、操作和条件匹配。' }, true),
  'security.istio.io/PeerAuthentication': c('security.istio.io/v1', { en: 'Istio: whether workloads accept plain text or require mutual TLS from their peers.', zh: 'Istio：工作负载是接受明文流量，还是要求对端使用双向 TLS。' }),
  'security.istio.io/RequestAuthentication': c('security.istio.io/v1', { en: 'Istio: which JSON Web Tokens the selected workloads accept (issuers, JWKS).', zh: 'Istio：所选工作负载接受哪些 JSON Web Token（签发者、JWKS）。' }),
  // KEDA
  'keda.sh/ScaledObject': c('keda.sh/v1alpha1', { en: 'KEDA: scales a Deployment, StatefulSet or other scalable target (scaleTargetRef) on event sources such as queues, streams or Prometheus queries, down to zero. KEDA manages an HPA for it.', zh: 'KEDA：根据队列、流或 Prometheus 查询等事件源扩缩 Deployment、StatefulSet 或其他可扩缩目标（scaleTargetRef），可缩容到零。KEDA 会为其管理一个 HPA。' }, true),
  'keda.sh/ScaledJob': c('keda.sh/v1alpha1', { en: 'KEDA: starts Jobs from a job template as events arrive, one Job per batch of work.', zh: 'KEDA：在事件到达时按作业模板启动 Job，每批工作一个 Job。' }),
  'keda.sh/TriggerAuthentication': c('keda.sh/v1alpha1', { en: 'KEDA: credentials for scalers (from Secrets, environment variables, pod identity or a vault), referenced by triggers.', zh: 'KEDA：扩缩器使用的凭据（来自 Secret、环境变量、Pod 身份或密钥库），由触发器引用。' }),
  'keda.sh/ClusterTriggerAuthentication': c('keda.sh/v1alpha1', { en: 'KEDA: a TriggerAuthentication usable from every namespace. Cluster-scoped.', zh: 'KEDA：可在所有命名空间使用的 TriggerAuthentication。集群级资源。' }),
  // External Secrets Operator
  'external-secrets.io/ExternalSecret': c('external-secrets.io/v1', { en: 'External Secrets Operator: creates and refreshes a Kubernetes Secret from values held in an external store (AWS Secrets Manager, Vault, GCP…) through a SecretStore.', zh: 'External Secrets Operator：通过 SecretStore 从外部存储（AWS Secrets Manager、Vault、GCP 等）读取值，创建并定期刷新 Kubernetes Secret。' }, true),
  'external-secrets.io/SecretStore': c('external-secrets.io/v1', { en: 'External Secrets Operator: how to reach one external secret store and authenticate to it, for ExternalSecrets in the same namespace.', zh: 'External Secrets Operator：如何访问某个外部密钥存储并完成认证，供同一命名空间中的 ExternalSecret 使用。' }),
  'external-secrets.io/ClusterSecretStore': c('external-secrets.io/v1', { en: 'External Secrets Operator: a SecretStore usable from every namespace. Cluster-scoped.', zh: 'External Secrets Operator：可在所有命名空间使用的 SecretStore。集群级资源。' }),
  'external-secrets.io/ClusterExternalSecret': c('external-secrets.io/v1', { en: 'External Secrets Operator: creates the same ExternalSecret in every namespace its selector matches.', zh: 'External Secrets Operator：在选择器匹配的每个命名空间中创建相同的 ExternalSecret。' }),
  // Flux
  'source.toolkit.fluxcd.io/GitRepository': c('source.toolkit.fluxcd.io/v1', { en: 'Flux: a Git repository (branch, tag, semver or commit) that Flux fetches at an interval and offers as an artifact to Kustomizations and HelmReleases.', zh: 'Flux：Flux 按间隔拉取的 Git 仓库（分支、标签、语义化版本或提交），作为制品提供给 Kustomization 和 HelmRelease。' }, true),
  'source.toolkit.fluxcd.io/HelmRepository': c('source.toolkit.fluxcd.io/v1', { en: 'Flux: a Helm chart repository (HTTP index or OCI registry) that HelmReleases take charts from.', zh: 'Flux：Helm Chart 仓库（HTTP 索引或 OCI 镜像仓库），HelmRelease 从中获取 Chart。' }),
  'source.toolkit.fluxcd.io/OCIRepository': c('source.toolkit.fluxcd.io/v1', { en: 'Flux: an OCI artifact (manifests or a chart) pulled from a registry at an interval.', zh: 'Flux：按间隔从镜像仓库拉取的 OCI 制品（清单或 Chart）。' }),
  'source.toolkit.fluxcd.io/HelmChart': c('source.toolkit.fluxcd.io/v1', { en: 'Flux: one chart taken from a source, usually made by a HelmRelease.', zh: 'Flux：从某个源获取的一个 Chart，通常由 HelmRelease 创建。' }),
  'source.toolkit.fluxcd.io/Bucket': c('source.toolkit.fluxcd.io/v1', { en: 'Flux: an S3-compatible bucket fetched at an interval as a source of manifests.', zh: 'Flux：按间隔拉取的 S3 兼容存储桶，作为清单的来源。' }),
  'kustomize.toolkit.fluxcd.io/Kustomization': c('kustomize.toolkit.fluxcd.io/v1', { en: 'Flux: applies a path of a source (GitRepository, OCIRepository, Bucket) with kustomize at an interval, pruning what was removed. Not the kustomize.config.k8s.io kustomization.yaml.', zh: 'Flux：按间隔用 kustomize 应用某个源（GitRepository、OCIRepository、Bucket）中的某个路径，并清理已删除的对象。不同于 kustomize.config.k8s.io 的 kustomization.yaml。' }, true),
  'helm.toolkit.fluxcd.io/HelmRelease': c('helm.toolkit.fluxcd.io/v2', { en: 'Flux: installs and upgrades a Helm chart with the given values, with tests, rollback and drift detection.', zh: 'Flux：用给定的 values 安装和升级 Helm Chart，支持测试、回滚和漂移检测。' }, true),
  // Traefik
  'traefik.io/IngressRoute': c('traefik.io/v1alpha1', { en: 'Traefik: HTTP routes for Traefik\'s entry points, matched by rule expressions (Host, PathPrefix…) and sent to Services through middlewares.', zh: 'Traefik：Traefik 入口点的 HTTP 路由，按规则表达式（Host、PathPrefix 等）匹配，经过中间件后转发到 Service。' }, true),
  'traefik.io/IngressRouteTCP': c('traefik.io/v1alpha1', { en: 'Traefik: TCP routes, matched by SNI host name.', zh: 'Traefik：TCP 路由，按 SNI 主机名匹配。' }),
  'traefik.io/IngressRouteUDP': c('traefik.io/v1alpha1', { en: 'Traefik: UDP routes from an entry point to Services.', zh: 'Traefik：从入口点到 Service 的 UDP 路由。' }),
  'traefik.io/Middleware': c('traefik.io/v1alpha1', { en: 'Traefik: a request transformation used by IngressRoutes — authentication, headers, redirects, rate limits, path rewrites…', zh: 'Traefik：IngressRoute 使用的请求处理环节——认证、请求头、重定向、限流、路径重写等。' }, true),
  'traefik.io/MiddlewareTCP': c('traefik.io/v1alpha1', { en: 'Traefik: a middleware for TCP routes (IP allow lists, connection limits).', zh: 'Traefik：TCP 路由使用的中间件（IP 白名单、连接数限制）。' }),
  'traefik.io/TLSOption': c('traefik.io/v1alpha1', { en: 'Traefik: TLS settings (versions, cipher suites, client certificates) routes can refer to.', zh: 'Traefik：路由可以引用的 TLS 设置（协议版本、加密套件、客户端证书）。' }),
  'traefik.io/TLSStore': c('traefik.io/v1alpha1', { en: 'Traefik: the default certificate and certificate list of Traefik\'s TLS store.', zh: 'Traefik：Traefik TLS 存储的默认证书和证书列表。' }),
  'traefik.io/ServersTransport': c('traefik.io/v1alpha1', { en: 'Traefik: how Traefik connects to backend servers (TLS verification, timeouts, HTTP/2).', zh: 'Traefik：Traefik 如何连接后端服务器（TLS 校验、超时、HTTP/2）。' }),
  'traefik.io/TraefikService': c('traefik.io/v1alpha1', { en: 'Traefik: a virtual service that balances by weight or mirrors traffic across Services.', zh: 'Traefik：在多个 Service 之间按权重均衡或镜像流量的虚拟服务。' }),
  // Knative Serving
  'serving.knative.dev/Service': c('serving.knative.dev/v1', { en: 'Knative Serving: a request-driven application — a container that scales with traffic (to zero when idle), with a revision per change and traffic split between revisions. Runs pods from its template, so the workload checks apply.', zh: 'Knative Serving：由请求驱动的应用——随流量自动扩缩（空闲时缩容到零）的容器，每次变更生成一个修订版本，并可在修订版本之间分配流量。它按自身模板运行 Pod，因此适用工作负载检查。' }, true),
  'serving.knative.dev/Configuration': c('serving.knative.dev/v1', { en: 'Knative Serving: the latest desired state of an application; each change stamps out a Revision. Usually managed by a Knative Service.', zh: 'Knative Serving：应用的最新期望状态，每次变更都会生成一个 Revision。通常由 Knative Service 管理。' }),
  'serving.knative.dev/Route': c('serving.knative.dev/v1', { en: 'Knative Serving: splits an endpoint\'s traffic across revisions by percentage. Usually managed by a Knative Service.', zh: 'Knative Serving：按百分比在各修订版本之间分配某个端点的流量。通常由 Knative Service 管理。' }),
  // Sealed Secrets
  'bitnami.com/SealedSecret': c('bitnami.com/v1alpha1', { en: 'Sealed Secrets: a Secret encrypted with the cluster controller\'s public key, safe to commit to Git; the controller decrypts it into a Secret of the same name.', zh: 'Sealed Secrets：用集群控制器的公钥加密的 Secret，可以安全地提交到 Git；控制器会将其解密为同名的 Secret。' }, true),
};
