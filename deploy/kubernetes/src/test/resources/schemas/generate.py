#!/usr/bin/env python3
"""Makes the JSON schemas OverlaysTest validates the rendered manifests with (see README.md beside this file).

One self-contained, strict file per kind the manifests use: only the definitions that kind reaches, descriptions
and status left out, every object closed (additionalProperties false) unless the API leaves it open, apiVersion and
kind fixed. Run it again, with the sources README.md names, when a kind or a version changes:

  generate.py KUBERNETES_DEFINITIONS_JSON STRIMZI_CRD_DIR CNPG_CLUSTERS_CRD_YAML PROMETHEUS_OPERATOR_PODMONITORS_CRD_YAML
"""
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
KUBERNETES = "kubernetes-1.35.0"
STRIMZI = "strimzi-1.2.0"
CLOUDNATIVE_PG = "cloudnative-pg-1.30.0"
PROMETHEUS_OPERATOR = "prometheus-operator-0.93.0"
KINDS = [("v1", "ConfigMap"), ("v1", "Namespace"), ("v1", "PersistentVolumeClaim"), ("v1", "Service"),
         ("v1", "ServiceAccount"), ("apps/v1", "Deployment"), ("autoscaling/v2", "HorizontalPodAutoscaler"),
         ("networking.k8s.io/v1", "Ingress"), ("networking.k8s.io/v1", "NetworkPolicy"),
         ("policy/v1", "PodDisruptionBudget")]
OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"


def strict(node):
    """Drops descriptions and closes objects, recursively (OpenAPI v2 and CRD v3 schemas alike)."""
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    open_object = node.get("x-kubernetes-preserve-unknown-fields") is True
    result = {}
    for key, value in node.items():
        if key in ("description", "example") or key.startswith("x-kubernetes-"):
            continue
        if key in ("properties", "patternProperties", "definitions"):
            result[key] = {name: strict(schema) for name, schema in value.items()}
        else:
            result[key] = strict(value)
    if node.get("x-kubernetes-int-or-string") is True:
        result.pop("type", None)
        result["oneOf"] = [{"type": "integer"}, {"type": "string"}]
    if result.pop("nullable", False) and isinstance(result.get("type"), str):
        result["type"] = [result["type"], "null"]
    if "properties" in result and "additionalProperties" not in result and not open_object:
        result["additionalProperties"] = False
    return result


def references(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref:
            found.add(ref.split("/")[-1])
        for value in node.values():
            references(value, found)
    elif isinstance(node, list):
        for item in node:
            references(item, found)


def reachable(definitions, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        found = set()
        references(definitions[name], found)
        todo.extend(found - seen)
    return seen


def document(api_version, kind, root, definitions):
    root = dict(root)
    properties = dict(root.get("properties", {}))
    properties.pop("status", None)  # the cluster writes it; a manifest never does
    properties["apiVersion"] = {"type": "string", "enum": [api_version]}
    properties["kind"] = {"type": "string", "enum": [kind]}
    root["properties"] = properties
    root["required"] = sorted(set(root.get("required", [])) | {"apiVersion", "kind", "metadata"})
    root["additionalProperties"] = False
    used = set()
    references(root, used)
    result = {"$schema": "http://json-schema.org/draft-07/schema#", "title": f"{kind} {api_version}"}
    result.update(strict(root))
    result["definitions"] = {name: strict(definitions[name]) for name in sorted(reachable(definitions, used))}
    return result


def write(folder, name, schema):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, name), "w") as out:
        json.dump(schema, out, indent=1, sort_keys=True)
        out.write("\n")


def main(kubernetes_json, strimzi_dir, cnpg_yaml, podmonitors_yaml):
    definitions = json.load(open(kubernetes_json))["definitions"]
    by_kind = {}
    for name, schema in definitions.items():
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            group_version = (gvk["group"] + "/" if gvk["group"] else "") + gvk["version"]
            by_kind[(group_version, gvk["kind"])] = name
    for api_version, kind in KINDS:
        name = by_kind[(api_version, kind)]
        others = dict(definitions)
        del others[name]
        group = api_version.split("/")[0].split(".")[0] + "-" if "/" in api_version else ""
        write(KUBERNETES, f"{kind.lower()}-{group}{api_version.split('/')[-1]}.json",
              document(api_version, kind, definitions[name], others))
    crds = [(STRIMZI, os.path.join(strimzi_dir, file)) for file in sorted(os.listdir(strimzi_dir))]
    crds.append((CLOUDNATIVE_PG, cnpg_yaml))
    crds.append((PROMETHEUS_OPERATOR, podmonitors_yaml))
    for folder, file in crds:
        crd = yaml.safe_load(open(file))
        for version in crd["spec"]["versions"]:
            if not version.get("served"):
                continue
            root = dict(version["schema"]["openAPIV3Schema"])
            root["properties"] = dict(root["properties"])
            root["properties"]["metadata"] = {"$ref": "#/definitions/" + OBJECT_META}
            api_version = crd["spec"]["group"] + "/" + version["name"]
            kind = crd["spec"]["names"]["kind"]
            write(folder, f"{kind.lower()}-{version['name']}.json",
                  document(api_version, kind, root, definitions))


if __name__ == "__main__":
    main(*sys.argv[1:])
