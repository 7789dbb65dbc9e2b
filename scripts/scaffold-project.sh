#!/usr/bin/env bash
# Creates the boilerplate of a backend project: package.json, project.json, tsconfigs, jest config.
# Usage: scripts/scaffold-project.sh <dir> <npm-name> <tag>
set -euo pipefail
dir=$1 name=$2 tag=$3
mkdir -p "$dir/src"
rel=$(realpath --relative-to="$dir" .)
mkdir -p "$dir/src"
[ -f "$dir/package.json" ] || cat > "$dir/package.json" <<J
{
  "name": "$name",
  "version": "0.1.0",
  "private": true,
  "main": "dist/index.js",
  "types": "dist/index.d.ts"
}
J
cat > "$dir/project.json" <<J
{
  "name": "$(basename "$dir")",
  "\$schema": "$rel/node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "tags": ["$tag"],
  "targets": {
    "build": {
      "executor": "nx:run-commands",
      "outputs": ["{projectRoot}/dist"],
      "options": { "command": "tsc -p {projectRoot}/tsconfig.json" }
    },
    "typecheck": {
      "executor": "nx:run-commands",
      "options": { "command": "tsc -p {projectRoot}/tsconfig.check.json" }
    },
    "lint": {
      "executor": "nx:run-commands",
      "options": { "command": "eslint --max-warnings=0 {projectRoot}/src" }
    },
    "test": {
      "executor": "nx:run-commands",
      "options": { "command": "jest -c {projectRoot}/jest.config.js --passWithNoTests=false" }
    }
  }
}
J
cat > "$dir/tsconfig.json" <<J
{
  "extends": "$rel/tsconfig.base.json",
  "compilerOptions": { "outDir": "dist", "rootDir": "src", "baseUrl": ".", "paths": {}, "tsBuildInfoFile": "dist/.tsbuildinfo", "incremental": true },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/**/*.integration-spec.ts", "src/**/__fixtures__/**"]
}
J
cat > "$dir/tsconfig.check.json" <<J
{
  "extends": "$rel/tsconfig.base.json",
  "compilerOptions": { "noEmit": true, "types": ["node", "jest"] },
  "include": ["src/**/*.ts", "src/**/*.json"]
}
J
cat > "$dir/jest.config.js" <<J
module.exports = require('$rel/jest.preset.js')(__dirname);
J
