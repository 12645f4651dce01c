// Prints every manifest of deploy/k8s as one YAML stream, with two ConfigMaps made from the
// rules and scenario folders (draagvlak-rules, draagvlak-test-cases) and the Deployment's
// volumes listing their files, so that each is mounted at its own path inside the folder.
//   node deploy/k8s/render.mjs [--rules DIR] [--cases DIR] [--manifests DIR] | kubectl apply -f -
// A ConfigMap key cannot hold '/': the file rules/support/it.drl is the key support__it.drl,
// mounted at /app/rules/support/it.drl, so the ruleset version is the same as on disk.
// Needs the npm package yaml (deploy/validate-manifests.sh installs it).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, stringify } from "yaml";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const here = option("--manifests", dirname(fileURLToPath(import.meta.url)));
const root = join(here, "..", "..");
const folders = {
  "draagvlak-rules": option("--rules", join(root, "rules")),
  "draagvlak-test-cases": option("--cases", join(root, "test-cases")),
};
const MANIFESTS = ["deployment.yaml", "service.yaml", "secret.yaml", "pdb.yaml", "hpa.yaml"];

function files(folder) {
  const found = [];
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith("..")) continue; // a mounted ConfigMap's own entries
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...files(path));
    else found.push(path);
  }
  return found;
}

function configMap(name, folder) {
  const data = {};
  const items = [];
  for (const file of files(folder)) {
    const path = relative(folder, file).split(sep).join("/");
    const key = path.replaceAll("/", "__");
    data[key] = readFileSync(file, "utf8");
    items.push({ key, path });
  }
  const bytes = Object.values(data).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  if (bytes > 1000000) throw new Error(`${name}: ${bytes} bytes, over a ConfigMap's 1 MiB`);
  return { map: { apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data }, items };
}

const maps = Object.fromEntries(Object.entries(folders).map(([name, folder]) => [name, configMap(name, folder)]));
const objects = [];
for (const manifest of MANIFESTS) {
  for (const document of parseAllDocuments(readFileSync(join(here, manifest), "utf8"))) {
    if (document.errors.length) throw new Error(`${manifest}: ${document.errors[0].message}`);
    const object = document.toJS();
    if (object?.kind === "Deployment") {
      for (const volume of object.spec.template.spec.volumes ?? []) {
        const made = volume.configMap && maps[volume.configMap.name];
        if (made) volume.configMap.items = made.items;
      }
    }
    if (object) objects.push(object);
  }
}
objects.unshift(...Object.values(maps).map((made) => made.map));
process.stdout.write(objects.map((object) => stringify(object, { lineWidth: 0 })).join("---\n"));
