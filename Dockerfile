# Production image: the built app plus the migration runner (Prisma's WebAssembly schema engine,
# so no engine binary is downloaded at build or run time).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Debian's Chromium prints report PDFs (docs/decisions/024-report-pdf-with-chromium.md); the app
# never downloads a browser of its own.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.ts ./scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN DATABASE_URL=postgresql://build@localhost/build npm run build
RUN chown -R node:node /app/.next
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
USER node
CMD ["npm", "start"]
