# syntax=docker/dockerfile:1
# Leertuin's production image: `docker build -t leertuin .`; running it: README, "Running in production".

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 is compiled from source during the install.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The image serves the bundle itself (build/server/serve.js): nothing is compiled at run time.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production \
  LEERTUIN_DEMO=0 \
  HOST=0.0.0.0 \
  PORT=3000 \
  DATABASE_PATH=/data/leertuin.sqlite \
  BACKUP_DIR=/data/backups
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
# The database, its search index, session secret and backups live on a volume, never in the image.
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 and handles SIGTERM: requests in flight finish, then the database is closed.
CMD ["node", "--max-old-space-size=256", "build/server/serve.js"]
