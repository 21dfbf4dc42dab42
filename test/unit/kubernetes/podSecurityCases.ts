// One case per Pod Security rule for rules-meaning.test.ts: the level comes from a Namespace's
// enforce label, so the cases need no setting.
const inNamespace = (level: string, podSpec: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: ${level}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
spec:
${podSpec}  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: ["ALL"]
`;

export const podSecurityCases = [
  { rule: 'pod-security-baseline', positive: inNamespace('baseline', '  hostPID: true\n'), negative: inNamespace('baseline', '') },
  { rule: 'pod-security-restricted', positive: inNamespace('restricted', ''), negative: inNamespace('restricted', '').replace('        capabilities:', '        allowPrivilegeEscalation: false\n        capabilities:') },
];
