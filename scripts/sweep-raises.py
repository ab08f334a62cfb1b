#!/usr/bin/env python3
# Lists every message an engine raises, asserts or logs as an error, mechanically, from its source at one commit: the first
# step of the whole-source sweeps behind harness/diagnose/upstream-messages/{sglang-swept,engines-swept}.ts and
# vllm/swept-*.ts (by hand, not in CI).
#
#   python3 scripts/sweep-raises.py GIT_DIR COMMIT PATH_PREFIX... > messages.tsv
#
# GIT_DIR is a bare mirror (the `fetch` tool brings one, e.g. /work/.mirror/BBuf+sglang/repo); each .py file under the prefixes
# at COMMIT is parsed with Python's ast. Output, one message a line, TSV:
#   <commit 12>:<path>:<line>  <raise|assert|log>  <exception class, AssertionError, or LOG>  <message>
# with each interpolation (f-string field, `+` operand, `%` or `.format` argument) written `{X}`; messages whose fixed words are
# fewer than 12 characters are left out. The sweeps then ran each message through classifyLog as a traceback's exception
# (`<Class>: <message>`, `{X}` filled), kept those read as `other` whose words touch a GPU, a package, a backend, memory or a
# model, had them labelled by the labelling guide (harness/diagnose/README.md), and wrote the named ones as exact-wording
# UpstreamMessage entries, their `{X}` as bounded wildcards, each at the line this script gives.
import ast, subprocess, sys
if len(sys.argv) < 4:
    sys.exit('usage: python3 scripts/sweep-raises.py GIT_DIR COMMIT PATH_PREFIX...')
gd, commit, prefixes = sys.argv[1], sys.argv[2], sys.argv[3:]
files = subprocess.run(['git', f'--git-dir={gd}', 'ls-tree', '-r', '--name-only', commit, '--', *prefixes], capture_output=True, text=True).stdout.split()
def render(n):
    if isinstance(n, ast.Constant) and isinstance(n.value, str): return n.value
    if isinstance(n, ast.JoinedStr):
        out = ''
        for v in n.values:
            out += v.value if isinstance(v, ast.Constant) else '{X}'
        return out
    if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
        a, b = render(n.left), render(n.right)
        if a is None and b is None: return None
        return (a or '{X}') + (b or '{X}')
    if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod):
        a = render(n.left); return a.replace('%s', '{X}').replace('%d', '{X}').replace('%r', '{X}') if a else None
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == 'format':
        a = render(n.func.value); return a if a else None
    return None
for f in files:
    if not f.endswith('.py'): continue
    src = subprocess.run(['git', f'--git-dir={gd}', 'show', f'{commit}:{f}'], capture_output=True, text=True).stdout
    try: tree = ast.parse(src)
    except Exception: continue
    for node in ast.walk(tree):
        kind = cls = msg = None
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            fn = node.exc.func; cls = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else None
            msg = render(node.exc.args[0]); kind = 'raise'
        elif isinstance(node, ast.Assert) and node.msg is not None:
            cls = 'AssertionError'; msg = render(node.msg); kind = 'assert'
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ('error', 'exception', 'critical', 'fatal') and node.args:
            v = node.func.value
            if isinstance(v, ast.Name) and 'log' in v.id.lower():
                cls = 'LOG'; msg = render(node.args[0]); kind = 'log'
        if msg and cls and len(msg.strip()) >= 12:
            m = ' '.join(msg.split())
            print(f'{commit[:12]}:{f}:{node.lineno}\t{kind}\t{cls}\t{m[:600]}')
