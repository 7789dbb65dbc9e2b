# The studio is static files after `vite build`; nginx serves them and proxies /api.
FROM node:20.20-bookworm-slim AS build
WORKDIR /repo
COPY . .
RUN npm ci --no-audit --no-fund && NX_DAEMON=false npx nx run studio:build

FROM nginx:1.27-alpine
# A template: the image substitutes environment variables (SIMULATOR_CONTROL_TOKEN) at start.
COPY docker/studio.nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /repo/apps/studio/dist /usr/share/nginx/html
