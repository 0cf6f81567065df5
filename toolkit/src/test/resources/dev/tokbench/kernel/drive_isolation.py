"""Checks that a notebook's %maven of other versions of the kernel's own libraries wins in its cells.

Usage: JUPYTER_PATH=<dir with kernels/NAME> python3 drive_isolation.py NAME NOTEBOOK
Prints "PASS <check>" for each check that holds; exits non-zero at the first that does not.
"""
import sys

import jupyter_client

TIMEOUT = 120


def run(kc, code):
    """Executes code; returns (reply content, text/plain of its result, MIME types displayed)."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    result, mimes = "", []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], result, mimes
        if msg["msg_type"] in ("execute_result", "display_data"):
            result = msg["content"]["data"].get("text/plain", "")
            mimes += list(msg["content"]["data"])


def check(name, condition, detail=""):
    if not condition:
        print("FAIL %s %s" % (name, detail), flush=True)
        raise SystemExit(1)
    print("PASS " + name, flush=True)


def location(kc, cls):
    _, path, _ = run(kc, cls + ".class.getProtectionDomain().getCodeSource().getLocation().getPath()")
    return path


def main(name, notebook):
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=60)
    try:
        reply, _, _ = run(kc, "%maven com.google.code.gson:gson:2.10.1"
                              " com.fasterxml.jackson.core:jackson-databind:2.17.2"
                              " org.slf4j:slf4j-api:1.7.36"
                              " org.apache.maven.resolver:maven-resolver-api:1.9.18")
        check("maven_resolves", reply["status"] == "ok", reply)
        for label, cls, jar in [("gson", "com.google.gson.Gson", "gson-2.10.1.jar"),
                                ("jackson", "com.fasterxml.jackson.databind.ObjectMapper", "jackson-databind-2.17.2.jar"),
                                ("slf4j", "org.slf4j.LoggerFactory", "slf4j-api-1.7.36.jar"),
                                ("resolver", "org.eclipse.aether.RepositorySystem", "maven-resolver-api-1.9.18.jar")]:
            path = location(kc, cls)
            check(label + "_from_the_notebooks_version", path.endswith(jar), path)
        _, out, _ = run(kc, 'new com.google.gson.Gson().toJson(Map.of("a", 1))')
        check("user_gson_works", out == '{"a":1}', out)
        _, out, _ = run(kc, 'new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\\"x\\":[1,2]}").get("x").size()')
        check("user_jackson_works", out == "2", out)
        # the toolkit keeps its own (relocated) Jackson in the same JVM
        reply, out, _ = run(kc, 'dev.tokbench.notebook.NotebookFile.read(Path.of("%s")).codeCells().size() > 1' % notebook)
        check("toolkit_jackson_still_works", out == "true", (reply, out))
        _, _, mimes = run(kc, 'Table.create("t", IntColumn.create("n", 1, 2))')
        check("tablesaw_renders_html", "text/html" in mimes, mimes)
    finally:
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
