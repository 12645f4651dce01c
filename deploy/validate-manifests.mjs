// Validates every object of a YAML stream (stdin) against the Kubernetes API schemas of npm's
// kubernetes-models; prints one line per object and exits 1 if any is invalid or unknown.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const input = readFileSync(0, "utf8");
let failed = 0;
let checked = 0;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length) {
    console.log(`INVALID YAML: ${document.errors[0].message}`);
    failed++;
    continue;
  }
  const object = document.toJS();
  if (!object) continue;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${object.kind}`;
  const name = `${object.kind} ${object.metadata?.name}`;
  checked++;
  try {
    const type = (await import(module))[object.kind];
    new type(object).validate();
    console.log(`valid    ${object.apiVersion} ${name}`);
  } catch (error) {
    failed++;
    const reason = error.code === "ERR_MODULE_NOT_FOUND" ? `no schema for ${object.apiVersion} ${object.kind}` : error.message;
    console.log(`INVALID  ${object.apiVersion} ${name}: ${reason}`);
  }
}
console.log(`${checked - failed} valid, ${failed} invalid`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
