// Command go_interop checks hegui's audit-log checkpoints and proofs with an
// independent implementation: golang.org/x/mod/sumdb/note for the C2SP signed
// note and golang.org/x/mod/sumdb/tlog for the RFC 6962 proofs.
//
//	go_interop VERIFIER_KEY PROVE_JSON... [-- CONSISTENCY_JSON...]
//
// Each PROVE_JSON is the output of `hegui audit prove --format json`, each
// CONSISTENCY_JSON of `hegui audit consistency --format json`. Exits non-zero
// with a message on the first failure.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type inclusion struct {
	Index      int64    `json:"index"`
	TreeSize   int64    `json:"tree_size"`
	Record     string   `json:"record"`
	Proof      []string `json:"proof"`
	Checkpoint string   `json:"checkpoint"`
}

type consistency struct {
	OldSize    int64    `json:"old_size"`
	NewSize    int64    `json:"new_size"`
	OldRoot    string   `json:"old_root"`
	Proof      []string `json:"proof"`
	Checkpoint string   `json:"checkpoint"`
}

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "go_interop: "+format+"\n", args...)
	os.Exit(1)
}

func hash(b64 string) tlog.Hash {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) != tlog.HashSize {
		fail("bad hash %q", b64)
	}
	var h tlog.Hash
	copy(h[:], raw)
	return h
}

func hashes(list []string) []tlog.Hash {
	out := make([]tlog.Hash, len(list))
	for i, s := range list {
		out[i] = hash(s)
	}
	return out
}

// openCheckpoint verifies the signed note and parses the C2SP tlog-checkpoint
// body itself (tlog.ParseTree reads the older go.sum tree format, not C2SP).
func openCheckpoint(text string, verifiers note.Verifiers) checkpoint {
	n, err := note.Open([]byte(text), verifiers)
	if err != nil {
		fail("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[len(lines)-1] != "" {
		fail("checkpoint body malformed: %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 {
		fail("checkpoint size malformed: %q", lines[1])
	}
	if lines[0] != n.Sigs[0].Name {
		fail("checkpoint origin %q is not the signer %q", lines[0], n.Sigs[0].Name)
	}
	return checkpoint{origin: lines[0], size: size, root: hash(lines[2])}
}

func readJSON(path string, v interface{}) {
	data, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		fail("%s: %v", path, err)
	}
}

func main() {
	if len(os.Args) < 3 {
		fail("usage: go_interop VERIFIER_KEY PROVE_JSON... [-- CONSISTENCY_JSON...]")
	}
	verifier, err := note.NewVerifier(os.Args[1])
	if err != nil {
		fail("note.NewVerifier: %v", err)
	}
	verifiers := note.VerifierList(verifier)
	checked := 0
	inConsistency := false
	for _, path := range os.Args[2:] {
		if path == "--" {
			inConsistency = true
			continue
		}
		if !inConsistency {
			var p inclusion
			readJSON(path, &p)
			cp := openCheckpoint(p.Checkpoint, verifiers)
			if cp.size != p.TreeSize {
				fail("%s: proof for size %d, checkpoint size %d", path, p.TreeSize, cp.size)
			}
			record, err := base64.StdEncoding.DecodeString(p.Record)
			if err != nil {
				fail("%s: record not base64", path)
			}
			leaf := tlog.RecordHash(record)
			if err := tlog.CheckRecord(hashes(p.Proof), cp.size, cp.root, p.Index, leaf); err != nil {
				fail("%s: tlog.CheckRecord: %v", path, err)
			}
			// A proof for another record must fail.
			if err := tlog.CheckRecord(hashes(p.Proof), cp.size, cp.root, p.Index, tlog.RecordHash(append(record, 'x'))); err == nil {
				fail("%s: a proof for altered record bytes was accepted", path)
			}
		} else {
			var c consistency
			readJSON(path, &c)
			cp := openCheckpoint(c.Checkpoint, verifiers)
			if cp.size != c.NewSize {
				fail("%s: proof to size %d, checkpoint size %d", path, c.NewSize, cp.size)
			}
			if err := tlog.CheckTree(hashes(c.Proof), cp.size, cp.root, c.OldSize, hash(c.OldRoot)); err != nil {
				fail("%s: tlog.CheckTree: %v", path, err)
			}
		}
		checked++
	}
	fmt.Printf("go_interop: %d proofs verified with golang.org/x/mod/sumdb/note and tlog\n", checked)
}
