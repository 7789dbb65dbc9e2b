# The studio is static files after `vite build`; nginx serves them and proxies /api.
FROM node:20.20-bookworm-slim AS build
WORKDIR /repo
COPY . .
RUN npm ci --no-audit --no-fund && NX_DAEMON=false npx nx run studio:build

FROM nginx:1.27-alpine
COPY docker/studio.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/apps/studio/dist /usr/share/nginx/html
