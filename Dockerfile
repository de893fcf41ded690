# syntax=docker/dockerfile:1
# Build: compile TypeScript with the dev toolchain; run: production deps only, non-root.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
RUN npm run build

FROM node:20-bookworm-slim AS runtime
# No RINGKAS_* here: `docker run --env-file .env` with an empty RINGKAS_DATA_DIR would replace it.
# The default data directory (./data under /app) is a link to the /data volume instead.
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# tsc copies no .sql: the PostgreSQL store's migrations go beside the compiled runner (migrate.js reads ./migrations).
COPY src/store/postgres/migrations ./dist/src/store/postgres/migrations
COPY briefs ./briefs
COPY lexicon ./lexicon
COPY seeds ./seeds
RUN mkdir -p /data && chown node:node /data && ln -s /data /app/data
USER node
VOLUME ["/data"]
EXPOSE 3000
CMD ["node", "--max-semi-space-size=8", "dist/adapters/start.js"]
