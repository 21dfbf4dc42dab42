import type { Localized } from '../common/localized';
import type { KindDoc } from './kindDoc';

/**
 * What each OpenShift kind (schema/openshift.json) is for, by `group/Kind` (OpenShift reuses names
 * such as Role and Group). Our own words, English and Chinese. `deprecated` says what replaces a kind
 * OpenShift keeps only for compatibility.
 */
const o = (apiVersion: string, summary: Localized, extra: Partial<KindDoc> = {}): KindDoc => ({ apiVersion, summary, ...extra });

const rbacInstead = (kind: string): Partial<KindDoc> => ({
  replacement: `rbac.authorization.k8s.io/v1 ${kind}`,
  deprecated: {
    en: `OpenShift serves this only for compatibility with OpenShift 3; write a rbac.authorization.k8s.io/v1 ${kind}, which OpenShift reads the same way.`,
    zh: `OpenShift 保留它仅为兼容 OpenShift 3；请改写为 rbac.authorization.k8s.io/v1 的 ${kind}，OpenShift 对两者的处理相同。`,
  },
});

const sdnOnly: Partial<KindDoc> = {
  deprecated: {
    en: 'Belongs to the OpenShift SDN network plugin, deprecated in OpenShift 4.14 and removed in 4.17; clusters on OVN-Kubernetes ignore it.',
    zh: '属于 OpenShift SDN 网络插件，该插件在 OpenShift 4.14 中弃用、4.17 中移除；使用 OVN-Kubernetes 的集群会忽略它。',
  },
};

export const openShiftKindDocs: Record<string, KindDoc> = {
  'apps.openshift.io/DeploymentConfig': o('apps.openshift.io/v1', {
    en: 'OpenShift\'s original way to roll out an application: like a Deployment, but it creates ReplicationControllers through a deployer pod, and can redeploy on its own when an image stream tag or its configuration changes (triggers), with lifecycle hooks around the rollout.',
    zh: 'OpenShift 最初的应用发布方式：与 Deployment 类似，但它通过部署器 Pod 创建 ReplicationController，并且能在镜像流标签或自身配置变化时自动重新部署（触发器），还可在发布前后运行生命周期钩子。',
  },
    {
      common: true,
      replacement: 'apps/v1 Deployment',
      deprecated: {
        en: 'Deprecated since OpenShift 4.14: use a Kubernetes Deployment (apps/v1). For image-change triggers, annotate the Deployment with image.openshift.io/triggers.',
        zh: '自 OpenShift 4.14 起已弃用：请改用 Kubernetes 的 Deployment（apps/v1）。需要镜像变更触发时，在 Deployment 上添加 image.openshift.io/triggers 注解。',
      },
    }),
  'route.openshift.io/Route': o('route.openshift.io/v1', {
    en: 'Exposes a Service under a host name through the OpenShift router (HAProxy): HTTP and HTTPS with edge, passthrough or re-encrypt TLS, path-based routing and weighted alternate backends for A/B or blue-green traffic splits. OpenShift\'s counterpart of an Ingress.',
    zh: '通过 OpenShift 路由器（HAProxy）以某个主机名对外暴露一个 Service：支持 HTTP 和 HTTPS（边缘终止、透传或重新加密 TLS）、按路径路由，以及按权重分流的备用后端（用于 A/B 或蓝绿发布）。相当于 OpenShift 版的 Ingress。',
  },
    { common: true }),
  'build.openshift.io/BuildConfig': o('build.openshift.io/v1', {
    en: 'A recipe for building an image inside the cluster: where the source comes from (Git, a Dockerfile, a binary upload), how to build it (Docker, Source-to-Image, custom), where the result goes (usually an ImageStreamTag), and what starts a build (webhooks, image or config changes).',
    zh: '在集群内构建镜像的配方：源码从哪里来（Git、Dockerfile、二进制上传），如何构建（Docker、Source-to-Image、自定义），结果推送到哪里（通常是一个 ImageStreamTag），以及什么会触发构建（Webhook、镜像或配置变更）。',
  },
    { common: true }),
  'build.openshift.io/Build': o('build.openshift.io/v1', {
    en: 'One run of a build, usually created from a BuildConfig (oc start-build) rather than written by hand; its status records the result.',
    zh: '一次构建的运行，通常由 BuildConfig 创建（oc start-build），而不是手写；其 status 记录构建结果。',
  }),
  'image.openshift.io/ImageStream': o('image.openshift.io/v1', {
    en: 'A named set of image tags inside the cluster that point at images in the internal or an external registry. Builds push to it, and deployments can follow its tags so that a new image triggers a rollout.',
    zh: '集群内一组具名的镜像标签，指向内部或外部镜像仓库中的镜像。构建会推送到它，部署可以跟踪它的标签，从而在有新镜像时触发发布。',
  },
    { common: true }),
  'image.openshift.io/ImageStreamTag': o('image.openshift.io/v1', {
    en: 'One tag of an ImageStream (`name:tag`), pointing at an image; written to import or alias a tag.',
    zh: 'ImageStream 中的一个标签（`name:tag`），指向某个镜像；用于导入或别名一个标签。',
  }),
  'image.openshift.io/ImageTag': o('image.openshift.io/v1', {
    en: 'A tag of an ImageStream together with its spec and status, as the newer image API presents it.',
    zh: '镜像流中的一个标签及其 spec 和 status，是较新的镜像 API 提供的形式。',
  }),
  'image.openshift.io/ImageStreamImport': o('image.openshift.io/v1', {
    en: 'Asks the cluster to import image metadata from an external registry into an ImageStream (what oc import-image sends).',
    zh: '请求集群把外部镜像仓库中的镜像元数据导入到某个 ImageStream（即 oc import-image 发送的请求）。',
  }),
  'image.openshift.io/Image': o('image.openshift.io/v1', {
    en: 'Metadata of one image known to the cluster\'s registry; written by the registry, not by hand. Cluster-scoped.',
    zh: '集群镜像仓库已知的某个镜像的元数据，由镜像仓库写入，不需要手写。集群级资源。',
  }),
  'template.openshift.io/Template': o('template.openshift.io/v1', {
    en: 'A parameterised list of objects: `${NAME}` placeholders in `objects` are filled from `parameters` (given, defaulted or generated) when the template is processed with oc process or instantiated.',
    zh: '带参数的一组对象：处理（oc process）或实例化模板时，`objects` 中的 `${NAME}` 占位符会用 `parameters` 中的值（传入、默认或自动生成）替换。',
  },
    { common: true }),
  'template.openshift.io/TemplateInstance': o('template.openshift.io/v1', {
    en: 'Asks the template service broker to instantiate a Template with given parameter values and tracks the objects it made.',
    zh: '请求模板服务代理用给定的参数值实例化一个 Template，并跟踪由此创建的对象。',
  }),
  'template.openshift.io/BrokerTemplateInstance': o('template.openshift.io/v1', {
    en: 'Links a service-broker instance to the TemplateInstance it created; kept by the template service broker. Cluster-scoped.',
    zh: '把服务代理实例与其创建的 TemplateInstance 关联起来，由模板服务代理维护。集群级资源。',
  }),
  'project.openshift.io/Project': o('project.openshift.io/v1', {
    en: 'OpenShift\'s view of a Namespace, with a display name and description. Users normally ask for one through a ProjectRequest (oc new-project) rather than creating it. Cluster-scoped.',
    zh: 'OpenShift 对 Namespace 的封装，带显示名称和描述。用户通常通过 ProjectRequest（oc new-project）申请项目，而不是直接创建。集群级资源。',
  },
    { common: true }),
  'project.openshift.io/ProjectRequest': o('project.openshift.io/v1', {
    en: 'Asks for a new Project as an ordinary user; the cluster creates it from the project template with the requester as admin.',
    zh: '以普通用户身份申请新项目；集群根据项目模板创建项目，并让申请者成为管理员。',
  }),
  'security.openshift.io/SecurityContextConstraints': o('security.openshift.io/v1', {
    en: 'Cluster-wide rules on what pods may do — privileged containers, host namespaces and paths, user and SELinux ranges, volume types, capabilities — granted to users, groups or service accounts. OpenShift\'s admission for pod security, alongside Pod Security Admission.',
    zh: '在集群范围内规定 Pod 可以做什么：特权容器、主机命名空间和路径、用户与 SELinux 范围、卷类型、Linux 能力等，并授予用户、组或服务账号。这是 OpenShift 的 Pod 安全准入机制，与 Pod 安全准入并存。',
  },
    { common: true }),
  'security.openshift.io/PodSecurityPolicyReview': o('security.openshift.io/v1', {
    en: 'Asks which service accounts could create a given pod under the SecurityContextConstraints; the answer comes back in status.',
    zh: '询问哪些服务账号能在 SecurityContextConstraints 下创建给定的 Pod，结果在 status 中返回。',
  }),
  'security.openshift.io/PodSecurityPolicySelfSubjectReview': o('security.openshift.io/v1', {
    en: 'Asks whether the caller could create a given pod, and under which SecurityContextConstraints.',
    zh: '询问调用者能否创建给定的 Pod，以及会适用哪个 SecurityContextConstraints。',
  }),
  'security.openshift.io/PodSecurityPolicySubjectReview': o('security.openshift.io/v1', {
    en: 'Asks whether a user or service account could create a given pod, and under which SecurityContextConstraints.',
    zh: '询问某个用户或服务账号能否创建给定的 Pod，以及会适用哪个 SecurityContextConstraints。',
  }),
  'authorization.openshift.io/Role': o('authorization.openshift.io/v1', { en: 'OpenShift\'s legacy copy of an RBAC Role: permissions inside one project.', zh: 'OpenShift 旧版的 RBAC Role 副本：某个项目内的一组权限。' }, rbacInstead('Role')),
  'authorization.openshift.io/ClusterRole': o('authorization.openshift.io/v1', { en: 'OpenShift\'s legacy copy of an RBAC ClusterRole.', zh: 'OpenShift 旧版的 RBAC ClusterRole 副本。' }, rbacInstead('ClusterRole')),
  'authorization.openshift.io/RoleBinding': o('authorization.openshift.io/v1', { en: 'OpenShift\'s legacy copy of an RBAC RoleBinding.', zh: 'OpenShift 旧版的 RBAC RoleBinding 副本。' }, rbacInstead('RoleBinding')),
  'authorization.openshift.io/ClusterRoleBinding': o('authorization.openshift.io/v1', { en: 'OpenShift\'s legacy copy of an RBAC ClusterRoleBinding.', zh: 'OpenShift 旧版的 RBAC ClusterRoleBinding 副本。' }, rbacInstead('ClusterRoleBinding')),
  'authorization.openshift.io/RoleBindingRestriction': o('authorization.openshift.io/v1', {
    en: 'Limits which users, groups or service accounts role bindings in a project may name, so project admins cannot grant access to outsiders.',
    zh: '限制项目中的角色绑定可以指向哪些用户、组或服务账号，防止项目管理员把权限授予项目之外的人。',
  }),
  'authorization.openshift.io/SubjectAccessReview': o('authorization.openshift.io/v1', { en: 'Asks whether a user may perform an action anywhere in the cluster.', zh: '询问某个用户能否在集群范围内执行某个操作。' }),
  'authorization.openshift.io/LocalSubjectAccessReview': o('authorization.openshift.io/v1', { en: 'Asks whether a user may perform an action in one project.', zh: '询问某个用户能否在某个项目中执行某个操作。' }),
  'authorization.openshift.io/ResourceAccessReview': o('authorization.openshift.io/v1', { en: 'Asks which users and groups may perform an action anywhere in the cluster.', zh: '询问哪些用户和组能在集群范围内执行某个操作。' }),
  'authorization.openshift.io/LocalResourceAccessReview': o('authorization.openshift.io/v1', { en: 'Asks which users and groups may perform an action in one project.', zh: '询问哪些用户和组能在某个项目中执行某个操作。' }),
  'authorization.openshift.io/SelfSubjectRulesReview': o('authorization.openshift.io/v1', { en: 'Lists what the caller may do in a project.', zh: '列出调用者在某个项目中可以执行的操作。' }),
  'authorization.openshift.io/SubjectRulesReview': o('authorization.openshift.io/v1', { en: 'Lists what a given user may do in a project.', zh: '列出某个用户在某个项目中可以执行的操作。' }),
  'quota.openshift.io/ClusterResourceQuota': o('quota.openshift.io/v1', {
    en: 'A resource quota shared by several projects, chosen by project labels or annotations (for example every project one user requested). Cluster-scoped.',
    zh: '由多个项目共享的资源配额，按项目的标签或注解选择项目（例如某个用户申请的所有项目）。集群级资源。',
  }),
  'network.openshift.io/EgressNetworkPolicy': o('network.openshift.io/v1', { en: 'Egress firewall rules for a project under OpenShift SDN: which external addresses pods may reach.', zh: 'OpenShift SDN 下某个项目的出站防火墙规则：Pod 可以访问哪些外部地址。' }, sdnOnly),
  'network.openshift.io/ClusterNetwork': o('network.openshift.io/v1', { en: 'OpenShift SDN\'s cluster-wide network ranges; written by the network operator.', zh: 'OpenShift SDN 的集群网络地址范围，由网络 Operator 写入。' }, sdnOnly),
  'network.openshift.io/HostSubnet': o('network.openshift.io/v1', { en: 'The pod subnet OpenShift SDN gave a node; written by the network plugin.', zh: 'OpenShift SDN 分配给某个节点的 Pod 子网，由网络插件写入。' }, sdnOnly),
  'network.openshift.io/NetNamespace': o('network.openshift.io/v1', { en: 'The virtual network ID of a project under OpenShift SDN\'s multitenant mode.', zh: 'OpenShift SDN 多租户模式下某个项目的虚拟网络 ID。' }, sdnOnly),
  'user.openshift.io/User': o('user.openshift.io/v1', { en: 'A person known to OpenShift\'s OAuth server; created on first login from an identity provider. Cluster-scoped.', zh: 'OpenShift OAuth 服务器已知的用户，首次通过身份提供者登录时创建。集群级资源。' }),
  'user.openshift.io/Group': o('user.openshift.io/v1', { en: 'A named list of users that role bindings can grant permissions to. Cluster-scoped.', zh: '一组具名的用户，角色绑定可以向其授予权限。集群级资源。' }),
  'user.openshift.io/Identity': o('user.openshift.io/v1', { en: 'A user\'s account at one identity provider, mapped to an OpenShift User. Cluster-scoped.', zh: '用户在某个身份提供者处的账号，映射到一个 OpenShift 用户。集群级资源。' }),
  'user.openshift.io/UserIdentityMapping': o('user.openshift.io/v1', { en: 'Links an Identity to a User.', zh: '把一个 Identity 关联到一个 User。' }),
  'oauth.openshift.io/OAuthClient': o('oauth.openshift.io/v1', { en: 'An application registered with OpenShift\'s OAuth server: its secret, redirect URIs and token lifetimes. Cluster-scoped.', zh: '在 OpenShift OAuth 服务器注册的应用：其密钥、重定向地址和令牌有效期。集群级资源。' }),
  'oauth.openshift.io/OAuthAccessToken': o('oauth.openshift.io/v1', { en: 'An access token issued by OpenShift\'s OAuth server; written by the server.', zh: 'OpenShift OAuth 服务器签发的访问令牌，由服务器写入。' }),
  'oauth.openshift.io/OAuthAuthorizeToken': o('oauth.openshift.io/v1', { en: 'A short-lived authorization code of OpenShift\'s OAuth flow; written by the server.', zh: 'OpenShift OAuth 流程中的短期授权码，由服务器写入。' }),
  'oauth.openshift.io/OAuthClientAuthorization': o('oauth.openshift.io/v1', { en: 'Records which scopes a user granted to an OAuth client.', zh: '记录用户授予某个 OAuth 客户端的权限范围。' }),
};
