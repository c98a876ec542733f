"""An offline API page for /docs, rendered from the OpenAPI schema (FastAPI's Swagger UI needs a CDN)."""
from __future__ import annotations

from html import escape

STYLE = """body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2330}
h2{font-size:1.05rem;margin:1.6rem 0 .3rem}code{background:#eef1f5;padding:1px 4px;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.3rem 0}td,th{border-bottom:1px solid #dde2ea;padding:3px 6px;
text-align:left;vertical-align:top}th{font-weight:600;color:#4a5568}.m{color:#fff;background:#2b6cb0;
padding:1px 6px;border-radius:3px;font-size:.8rem}"""


def _type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    limits = [f"{k} {schema[k]}" for k in ("minimum", "maximum") if k in schema]
    return schema.get("type", "any") + (f" ({', '.join(limits)})" if limits else "")


def render_docs(spec: dict) -> str:
    """HTML listing every path, its summary and its parameters."""
    out = [f"<!doctype html><meta charset='utf-8'><title>{escape(spec['info']['title'])} API</title>",
           f"<style>{STYLE}</style><h1>{escape(spec['info']['title'])} API</h1>",
           f"<p>{escape(spec['info'].get('description', ''))}</p>",
           "<p>Machine-readable schema: <a href='/openapi.json'><code>/openapi.json</code></a>. "
           "Dashboard: <a href='/'>/</a>.</p>"]
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            out.append(f"<h2><span class='m'>{escape(method.upper())}</span> <code>{escape(path)}</code></h2>")
            out.append(f"<p>{escape(op.get('summary', ''))}</p>")
            params = op.get("parameters", [])
            if params:
                out.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>default</th>"
                           "<th>description</th></tr>")
                for p in params:
                    schema = p.get("schema", {})
                    default = schema.get("default", "")
                    out.append(f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p.get('in', ''))}</td>"
                               f"<td>{escape(_type(schema))}</td><td>{escape(str(default))}</td>"
                               f"<td>{escape(p.get('description', schema.get('description', '')))}</td></tr>")
                out.append("</table>")
    return "\n".join(out)
