"""Drives the tokbench kernel through jupyter_client, the way Jupyter front ends do.

Usage: JUPYTER_PATH=<dir with kernels/NAME> python3 drive_kernel.py NAME
Prints "PASS <check>" for each check that holds; exits non-zero at the first that does not.
"""
import queue
import sys
import time

import jupyter_client
from jupyter_client.session import Session

TIMEOUT = 30
STRAY = []  # iopub messages that arrived while another request was awaited


def run(kc, code):
    """Executes code; returns (reply content, [iopub messages for this request])."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id, reply
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            STRAY.append(msg)
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], outputs, msg_id
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append(msg)


def text(outputs, msg_type="stream"):
    parts = []
    for m in outputs:
        if m["msg_type"] == msg_type:
            c = m["content"]
            parts.append(c.get("text") or c.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def check(name, condition, detail=""):
    if not condition:
        print("FAIL %s %s" % (name, detail), flush=True)
        raise SystemExit(1)
    print("PASS " + name, flush=True)


def send_forged(kc, key, code):
    """Sends an execute_request on the shell socket signed with `key` (b"" = unsigned)."""
    forged = Session(key=key, username="attacker")
    forged.send(kc.shell_channel.socket, forged.msg("execute_request", {
        "code": code, "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}))


def main(name):
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=60)
    try:
        checks(km, kc)
        process = km.provisioner.process  # a Popen; jupyter_client forgets it on shutdown
        km.shutdown_kernel(now=False)  # asks politely, kills only after shutdown_wait_time
        code = process.wait(timeout=TIMEOUT)
        check("clean_shutdown", code == 0, "exit code %r (negative: killed)" % code)
    finally:
        if km.is_alive():
            km.shutdown_kernel(now=True)


def checks(km, kc):
    info = kc.kernel_info(reply=True)["content"]
    check("kernel_info", info["language_info"]["name"] == "java", info)

    reply, out, _ = run(kc, "int x = 21;\nx * 2")
    check("execute_result", reply["status"] == "ok" and text(out, "execute_result") == "42", out)
    check("execution_count", reply["execution_count"] == 1, reply)

    reply, out, _ = run(kc, 'System.out.println("first");\nThread.sleep(300);\nSystem.out.println("second");')
    streams = [m["content"]["text"] for m in out if m["msg_type"] == "stream"]
    check("streams_while_running", streams[:1] == ["first\n"] and "second" in "".join(streams[1:]), streams)

    reply, out, _ = run(kc, "%time x + 1")
    check("time_magic", text(out).startswith("Wall time: ") and text(out, "execute_result") == "22", out)

    reply, out, _ = run(kc, 'display("shown"); "last"')
    kinds = [m["msg_type"] for m in out]
    check("display_mid_cell", kinds == ["display_data", "execute_result"], kinds)

    # A thread the cell started outlives it and prints only once a later cell says so. Its output
    # (stream and display) goes to the cell that started it, with that cell's parent header, as
    # IJava does and as the issue asks (ipykernel >= 7 sends it to the latest cell instead, unless
    # the thread calls set_parent), never to the cell running when it prints.
    reply, out, first = run(kc, 'new Thread(() -> { try { while (System.getProperty("tokbench.go") == null) Thread.sleep(10); }'
                                ' catch (InterruptedException e) { return; } System.out.println("late"); display("late-display"); }).start();')
    check("background_thread_outlives_its_cell", reply["status"] == "ok" and "late" not in text(out), out)
    del STRAY[:]
    reply, out, second = run(kc, 'System.setProperty("tokbench.go", "yes"); Thread.sleep(200);')
    late = [m for m in STRAY + out if m["msg_type"] in ("stream", "display_data")]
    deadline = time.time() + 10
    while len(late) < 2 and time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["msg_type"] in ("stream", "display_data"):
            late.append(msg)
    parents = [(m["msg_type"], m["parent_header"].get("msg_id")) for m in late]
    check("background_output_to_its_cell",
          parents == [("stream", first), ("display_data", first)]
          and "late" in late[0]["content"]["text"]
          and late[1]["content"]["data"]["text/plain"] == "late-display", (first, second, late))

    # the snippet under the cursor is completed, in the context of the cells run so far
    c = kc.complete('int z = 1; "abc".subs', 21, reply=True)["content"]
    check("complete", "substring(" in c["matches"] and c["cursor_start"] == 17 and c["cursor_end"] == 21, c)
    c = kc.complete("%ja", 3, reply=True)["content"]
    check("complete_magic", c["matches"] == ["%jars"], c)

    kc.is_complete("for (int i = 0; i < 3; i++) {")
    incomplete = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    kc.is_complete("int y = 1;")
    complete = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    check("is_complete", incomplete["status"] == "incomplete" and complete["status"] == "complete", (incomplete, complete))

    i = kc.inspect("Math.max(", 9, reply=True)["content"]
    check("inspect", i["found"] and "max(int a, int b)" in i["data"]["text/plain"], i)
    i = kc.inspect("Gguf.read(", 10, reply=True)["content"]
    check("inspect_javadoc", i["found"] and "Gguf.read(Path path)\n    Parses one GGUF file." in i["data"]["text/plain"], i)

    h = kc.history(hist_access_type="tail", n=10, reply=True)["content"]
    check("history", h["history"][0][2] == "int x = 21;\nx * 2", h)

    for label, code in [("tight_loop", "while (true) {}"), ("sleep", "Thread.sleep(600_000);")]:
        msg_id = kc.execute(code)
        time.sleep(1.0)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        check("interrupt_" + label, reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "error", reply["content"])
    reply, out, _ = run(kc, "1 + 1")
    check("usable_after_interrupt", text(out, "execute_result") == "2", out)

    reply, out, _ = run(kc, 'String s = "a";\nint n = s;')
    check("compile_error_names_cell_line", reply["status"] == "error" and "line 2" in reply["evalue"], reply)
    reply, out, _ = run(kc, 'throw new IllegalStateException("boom");')
    check("exception_error", reply["status"] == "error" and reply["ename"].endswith("IllegalStateException")
          and [m for m in out if m["msg_type"] == "error"], reply)

    reply, out, _ = run(kc, "System.exit(3);")
    check("system_exit_fails_cell", reply["status"] == "error", reply)
    reply, out, _ = run(kc, '"alive"')
    check("alive_after_system_exit", text(out, "execute_result") == "alive", out)

    for label, key in [("bad_signature", b"not-the-key"), ("unsigned", b"")]:
        send_forged(kc, key, 'System.setProperty("tokbench.forged", "%s");' % label)
        try:
            forged_reply = kc.get_shell_msg(timeout=1.5)
        except queue.Empty:
            forged_reply = None
        check(label + "_gets_no_reply", forged_reply is None, forged_reply)
    reply, out, _ = run(kc, 'String.valueOf(System.getProperty("tokbench.forged"))')
    check("forged_messages_not_executed", text(out, "execute_result") == "null", out)


if __name__ == "__main__":
    main(sys.argv[1])
