/** Generated benchmark inputs: large, realistic, deterministic. */

const baseImages = ['node:20.17-bookworm-slim', 'python:3.12.6-slim', 'golang:1.23.2-alpine3.20', 'eclipse-temurin:21.0.4_7-jre', 'debian:bookworm-20241016-slim'];

/** A multi-stage Dockerfile of about `lines` lines: ARGs, ENV, RUN with continuations, COPY --from, mounts. */
export function largeDockerfile(lines = 1000): string {
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG BASE_VERSION=1.0', 'ARG REGISTRY=docker.io', ''];
  let stage = 0;
  while (out.length < lines - 20) {
    const name = `stage${stage}`;
    out.push(`FROM ${baseImages[stage % baseImages.length]} AS ${name}`);
    out.push('ARG BASE_VERSION', `ENV APP_HOME=/opt/app${stage} PATH=/opt/app${stage}/bin:$PATH`, `WORKDIR /opt/app${stage}`);
    out.push('RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\');
    out.push('    apt-get update \\', '    && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10 \\', '    && rm -rf /var/lib/apt/lists/*');
    if (stage > 0) out.push(`COPY --from=stage${stage - 1} --chown=10001:10001 /opt/app${stage - 1}/ ./previous/`);
    out.push(`COPY --chmod=0755 scripts/ ./scripts/`, `RUN echo "building \${BASE_VERSION} in \${APP_HOME}" > /tmp/build-${stage}.txt`);
    out.push(`LABEL org.opencontainers.image.version="\${BASE_VERSION}" stage="${name}"`, `EXPOSE ${8000 + stage}/tcp`);
    out.push('HEALTHCHECK --interval=30s --timeout=5s CMD ["/opt/app/bin/health"]', '');
    stage++;
  }
  out.push('FROM gcr.io/distroless/static-debian12:nonroot AS final', `COPY --from=stage${stage - 1} /opt/app${stage - 1}/ /app/`, 'USER 65532:65532', 'ENTRYPOINT ["/app/bin/server"]');
  while (out.length < lines) out.push('# padding comment line');
  return out.join('\n') + '\n';
}

/** A manifest of `documents` documents (~50 lines each): Deployments, Services, ConfigMaps, HPAs. */
export function largeManifest(documents = 60): string {
  const docs: string[] = [];
  for (let i = 0; i < documents; i++) {
    const name = `app-${Math.floor(i / 4)}`;
    switch (i % 4) {
      case 0:
        docs.push(deployment(name));
        break;
      case 1:
        docs.push(service(name));
        break;
      case 2:
        docs.push(configMap(name));
        break;
      default:
        docs.push(hpa(name));
    }
  }
  return docs.join('---\n');
}

function deployment(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      serviceAccountName: ${name}
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.4.2
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            - name: LOG_LEVEL
              value: info
            - name: CONFIG
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: config.yaml
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`;
}

function service(name: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
`;
}

function configMap(name: string): string {
  const lines = Array.from({ length: 112 }, (_, i) => `    key${i}: value-${i}`).join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
data:
  config.yaml: |
${lines}
`;
}

function hpa(name: string): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;
}

/**
 * A Compose application of about `lines` lines: services with builds, ports, environment, volumes,
 * healthchecks, `depends_on` chains, deploy settings, and the networks, volumes and secrets they use.
 */
export function largeCompose(lines = 1000): string {
  const head = ['name: bench', 'x-logging: &logging', '  logging:', '    driver: json-file', '    options:', '      max-size: 10m', 'services:'];
  const services: string[] = [];
  let count = 0;
  while (head.length + services.length < lines - 16) {
    const name = `svc${count}`;
    const previous = count > 0 ? `svc${count - 1}` : undefined;
    services.push(
      `  ${name}:`,
      '    <<: *logging',
      count % 3 === 0 ? `    build:\n      context: ./${name}\n      target: runtime\n    image: bench/${name}:1.0.${count}` : `    image: registry.example.com/bench/${name}:2.${count}.0`,
      '    ports:',
      `      - "${10000 + count}:8080"`,
      '    environment:',
      `      SERVICE_NAME: ${name}`,
      '      LOG_LEVEL: info',
      `      UPSTREAM: \${UPSTREAM_${count}:-http://localhost}`,
      '    volumes:',
      '      - data:/var/lib/data',
      '      - ./config:/etc/app:ro',
      '    networks: [front, back]',
      '    secrets: [api_token]',
      '    healthcheck:',
      '      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]',
      '      interval: 10s',
      '      timeout: 3s',
      '      retries: 3',
      ...(previous ? ['    depends_on:', `      ${previous}:`, '        condition: service_healthy'] : []),
      '    deploy:',
      '      replicas: 2',
      '      resources:',
      '        limits: {cpus: "0.5", memory: 256M}',
      '    restart: unless-stopped',
    );
    count++;
  }
  const tail = ['networks:', '  front: {}', '  back:', '    internal: true', 'volumes:', '  data: {}', 'secrets:', '  api_token:', '    file: ./api_token.txt'];
  return [...head, ...services.join('\n').split('\n'), ...tail, ''].join('\n');
}
