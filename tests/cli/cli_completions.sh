#!/usr/bin/env bash
# Completion scripts that parse (bash -n; zsh -n and fish -n when installed), that know the
# commands and flags, and the man page made from the same definitions.
source "$(dirname "$0")/common.sh"

"$folio" completions bash >"$work/folio.bash" || fail "completions bash"
bash -n "$work/folio.bash" || fail "the bash completion does not parse"
for word in build watch init completions --tag --format --color --fail-on-warnings; do
  expect "$word" "$(cat "$work/folio.bash")" "bash completion"
done
# It completes: the words after `folio bu` and `folio build --fo`.
got=$(bash -c "source '$work/folio.bash'; COMP_WORDS=(folio bu); COMP_CWORD=1; _folio; echo \"\${COMPREPLY[*]}\"")
[[ $got == build ]] || fail "bash completion of 'folio bu': $got"
got=$(bash -c "source '$work/folio.bash'; COMP_WORDS=(folio build --fo); COMP_CWORD=2; _folio; echo \"\${COMPREPLY[*]}\"")
expect "--format" "$got" "bash completion of 'folio build --fo'"
got=$(bash -c "source '$work/folio.bash'; COMP_WORDS=(folio build --format ''); COMP_CWORD=3; _folio; echo \"\${COMPREPLY[*]}\"")
[[ $got == "epub pdf" ]] || fail "bash completion of --format values: $got"

"$folio" completions zsh >"$work/_folio" || fail "completions zsh"
expect "#compdef folio" "$(cat "$work/_folio")" "zsh completion"
if command -v zsh >/dev/null; then zsh -n "$work/_folio" || fail "the zsh completion does not parse"; fi
"$folio" completions fish >"$work/folio.fish" || fail "completions fish"
expect "complete -c folio" "$(cat "$work/folio.fish")" "fish completion"
if command -v fish >/dev/null; then fish -n "$work/folio.fish" || fail "the fish completion does not parse"; fi
out=$("$folio" completions tcsh 2>&1) && fail "completions tcsh should fail"

# The man page: every command and the new flags, valid roff when groff is there.
"$folio" manpage >"$work/folio.1" || fail "manpage"
page=$(cat "$work/folio.1")
expect ".TH FOLIO 1" "$page" "man page header"
for word in "folio watch" "folio init" "\\-\\-fail\\-on\\-warnings" "\\-\\-tag"; do expect "$word" "$page" "man page"; done
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$work/folio.1" 2>&1)
  [[ -z $warnings ]] || fail "groff warns about the man page: $warnings"
fi

# folio init writes a commented book.yaml that folio list then reads.
mkdir -p "$work/site" && cp -r "$root/examples/meetup/content" "$root/examples/meetup/hugo.toml" "$work/site/"
out=$("$folio" init "$work/site" 2>&1) || fail "init: $out"
yaml=$(cat "$work/site/book.yaml")
expect "title:" "$yaml" "init title"
expect "#   meetup (" "$yaml" "init lists the tags"
out=$("$folio" list "$work/site" 2>&1) || fail "list after init: $out"
out=$("$folio" init "$work/site" 2>&1) && fail "init over an existing book.yaml should fail"
expect "already exists" "$out" "init refuses to overwrite"

finish
