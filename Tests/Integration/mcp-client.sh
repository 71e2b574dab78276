#!/usr/bin/env bash
# Drives `capaudit mcp` with the official MCP Python SDK's stdio client (issue 16): initialize, list tools,
# call capaudit_scan, call promtool_check_rules on a good and a bad rules file (promtool from Debian's
# prometheus package), and check that an option-injection attempt and a path outside the working folder
# are refused as tool errors while the server keeps serving.
#
#   Tests/Integration/mcp-client.sh [path/to/capaudit]
#
# Idempotent: the SDK goes into a virtual environment under .build/ (reused when it already imports),
# prometheus is installed with apt when promtool is missing. Runs with CI=true and no stdin.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin=${1:-"$root/.build/release/capaudit"}
[ -x "$bin" ] || { echo "error: $bin is not built (swift build -c release)"; exit 1; }

if ! command -v promtool >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends prometheus >/dev/null
fi
if ! /usr/bin/python3 -c 'import venv, ensurepip' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends python3-venv >/dev/null
fi

venv="$root/.build/mcp-client-venv"
if ! "$venv/bin/python" -c 'import mcp.client.stdio' 2>/dev/null; then
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check 'mcp>=1.2'
fi
echo "mcp SDK $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("mcp"))')"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project"
cat > "$work/project/good-rules.yml" <<'YAML'
groups:
  - name: example
    rules:
      - alert: HighErrorRate
        expr: rate(http_requests_total{code=~"5.."}[5m]) > 1
        for: 10m
YAML
cat > "$work/project/bad-rules.yml" <<'YAML'
groups:
  - name: example
    rules:
      - alert: Broken
        expr: rate(http_requests_total[5m] >
YAML
echo "outside" > "$work/outside.yml"

"$venv/bin/python" - "$bin" "$work/project" <<'PY'
import asyncio, json, re, sys
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
try:
    from mcp.shared.exceptions import McpError  # SDK 1.x
except ImportError:
    from mcp.shared.exceptions import MCPError as McpError  # SDK 2.x

binary, project = sys.argv[1], sys.argv[2]

def g(obj, name):
    """A field by its MCP name (SDK 1.x, camelCase) or its SDK 2.x snake_case name."""
    if hasattr(obj, name):
        return getattr(obj, name)
    return getattr(obj, re.sub("([A-Z])", lambda m: "_" + m.group(1).lower(), name))

def text(result):
    return "".join(c.text for c in result.content if c.type == "text")

async def main():
    params = StdioServerParameters(command=binary, args=["mcp", "--workdir", project, "--no-config"])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            assert g(init, "serverInfo").name == "capaudit", init
            print(f"initialize: protocol {g(init, 'protocolVersion')}, server {g(init, 'serverInfo').name} {g(init, 'serverInfo').version}")

            tools = {t.name: t for t in (await session.list_tools()).tools}
            for name in ["capaudit_scan", "capaudit_explain", "capaudit_plan", "promtool_check_rules"]:
                assert name in tools, (name, sorted(tools))
            rules = tools["promtool_check_rules"]
            assert g(rules, "inputSchema")["required"] == ["file"], g(rules, "inputSchema")
            assert g(rules.annotations, "readOnlyHint") is True and g(rules.annotations, "destructiveHint") is False
            assert not any(t.annotations and g(t.annotations, "destructiveHint") for t in tools.values()), "destructive tools listed by default"
            assert "kubectl_delete_pod" not in tools and "helm_upgrade" not in tools
            print(f"tools/list: {len(tools)} tools, read-only only: {sorted(tools)}")

            scan = await session.call_tool("capaudit_scan", {"areas": ["monitoring"], "fail_on": "never"})
            assert not g(scan, "isError"), text(scan)
            report = json.loads(text(scan))
            assert report["schemaVersion"] == 1 and [a["id"] for a in report["areas"]] == ["monitoring"], report["areas"]
            promtool = [t for a in report["areas"] for t in a["tools"] if t["id"] == "promtool"][0]
            assert promtool["status"] == "present", promtool
            print(f"capaudit_scan: monitoring {report['areas'][0]['status']}, promtool {promtool['version']}")

            good = await session.call_tool("promtool_check_rules", {"file": "good-rules.yml"})
            assert not g(good, "isError") and "SUCCESS: 1 rules found" in text(good), text(good)
            print("promtool_check_rules good-rules.yml: ok")
            bad = await session.call_tool("promtool_check_rules", {"file": "bad-rules.yml"})
            assert g(bad, "isError") and "unclosed left parenthesis" in text(bad), text(bad)
            print("promtool_check_rules bad-rules.yml: isError, " + text(bad).strip().splitlines()[-1].strip())

            inject = await session.call_tool("promtool_check_rules", {"file": "--help"})
            assert g(inject, "isError") and "begins with '-'" in text(inject), text(inject)
            print("option injection refused: " + text(inject))
            outside = await session.call_tool("promtool_check_rules", {"file": "../outside.yml"})
            assert g(outside, "isError") and "outside the working folder" in text(outside), text(outside)
            print("path outside the working folder refused: " + text(outside))
            try:
                await session.call_tool("promtool_check_rules", {"file": 42})
                raise AssertionError("a number for a string parameter was accepted")
            except McpError as e:
                assert e.error.code == -32602, e.error
                print(f"wrong argument type: JSON-RPC {e.error.code}")
            # A destructive operation is never callable without --allow-destructive: a tool error naming the flag
            # when kubectl is here, an unknown tool (-32602) when it is not.
            try:
                withheld = await session.call_tool("kubectl_delete_pod", {"name": "web-0"})
                assert g(withheld, "isError") and "--allow-destructive" in text(withheld), text(withheld)
                print("destructive operation refused: " + text(withheld))
            except McpError as e:
                assert e.error.code == -32602, e.error
                print("destructive operation not offered (kubectl absent): JSON-RPC -32602")
            # The server still answers after every refusal.
            await session.send_ping()
            print("ping after refusals: ok")

asyncio.run(main())
PY
echo "mcp client: all passed"
