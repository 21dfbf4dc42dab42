import type { Localized } from '../common/localized';

export interface KindDoc {
  /** The apiVersion that serves the kind today. */
  apiVersion: string;
  summary: Localized;
}

/** What each kind is for, in a sentence or two. Extended by the schema work; summaries are ours. */
export const kindDocs: Record<string, KindDoc> = {
  Pod: { apiVersion: 'v1', summary: { en: 'The smallest schedulable unit: one or more containers that share a network namespace and volumes, scheduled together onto a node.', zh: '最小的调度单元：一个或多个共享网络命名空间和卷的容器，被一起调度到某个节点上。' } },
  Deployment: { apiVersion: 'apps/v1', summary: { en: 'Runs a stateless application as interchangeable Pods, managed through ReplicaSets, with rolling updates and rollbacks.', zh: '以可互换的 Pod 运行无状态应用，通过 ReplicaSet 管理，支持滚动更新和回滚。' } },
  ReplicaSet: { apiVersion: 'apps/v1', summary: { en: 'Keeps a given number of identical Pods running. Usually managed by a Deployment rather than created directly.', zh: '保持指定数量的相同 Pod 持续运行。通常由 Deployment 管理，而不是直接创建。' } },
  StatefulSet: { apiVersion: 'apps/v1', summary: { en: 'Runs Pods with a stable identity (ordered names, stable network IDs) and per-Pod persistent storage, for databases and clustered apps.', zh: '运行具有稳定标识（有序名称、稳定网络 ID）和每个 Pod 独立持久存储的 Pod，适用于数据库和集群化应用。' } },
  DaemonSet: { apiVersion: 'apps/v1', summary: { en: 'Runs one Pod on every node (or every matching node): log shippers, node agents, network plugins.', zh: '在每个节点（或每个匹配的节点）上运行一个 Pod：日志采集、节点代理、网络插件等。' } },
  Job: { apiVersion: 'batch/v1', summary: { en: 'Runs Pods until a set number of them complete successfully: run-to-completion work.', zh: '运行 Pod 直到指定数量成功完成：一次性执行到结束的任务。' } },
  CronJob: { apiVersion: 'batch/v1', summary: { en: 'Creates Jobs on a cron schedule: backups, reports, periodic clean-up.', zh: '按 cron 计划创建 Job：备份、报表、定期清理等。' } },
  HorizontalPodAutoscaler: { apiVersion: 'autoscaling/v2', summary: { en: 'Scales the replicas of a Deployment, StatefulSet or ReplicaSet up and down from metrics such as CPU use.', zh: '根据 CPU 使用率等指标自动增减 Deployment、StatefulSet 或 ReplicaSet 的副本数。' } },
  ReplicationController: { apiVersion: 'v1', summary: { en: 'The legacy predecessor of ReplicaSet: keeps a number of Pods running. Prefer a Deployment.', zh: 'ReplicaSet 的旧版前身：保持一定数量的 Pod 运行。建议改用 Deployment。' } },
  Service: { apiVersion: 'v1', summary: { en: 'A stable virtual IP and DNS name in front of the Pods its label selector matches, load-balancing between them.', zh: '为其标签选择器匹配的 Pod 提供稳定的虚拟 IP 和 DNS 名称，并在它们之间负载均衡。' } },
};
