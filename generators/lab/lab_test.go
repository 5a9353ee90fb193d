package lab

import (
	"bytes"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestCutAndJoin(t *testing.T) {
	placeholders := []string{"NAME", "ID", ""}
	f := generators.File{Content: []byte("a NAME b ID NAMEID end")}
	tpl := cut("x", f, placeholders)
	if len(tpl.slots) != 4 || len(tpl.pieces) != 5 {
		t.Fatalf("slots %v pieces %q", tpl.slots, tpl.pieces)
	}
	var got []byte
	values := [][]byte{[]byte("ada-l"), []byte("7"), nil}
	for i, s := range tpl.slots {
		got = append(got, tpl.pieces[i]...)
		got = append(got, values[s]...)
	}
	got = append(got, tpl.pieces[len(tpl.pieces)-1]...)
	if string(got) != "a ada-l b 7 ada-l7 end" {
		t.Errorf("joined %q", got)
	}
	// A file without placeholders is one piece.
	if tpl := cut("y", generators.File{Content: []byte("plain")}, placeholders); len(tpl.pieces) != 1 || len(tpl.slots) != 0 {
		t.Errorf("plain file: %+v", tpl)
	}
}

func TestReadRosterRoundTrip(t *testing.T) {
	r := &Renderer{
		lab: &graph.Lab{
			Students: []graph.Student{{ID: "ada", Email: "ada@example.edu", Account: "111122223333", Name: "lab-ada", CIDR: "10.0.0.0/20"}, {ID: "42", Name: "lab-42", CIDR: "10.0.16.0/20"}},
			Removed:  []graph.Student{{ID: "bob", Name: "lab-bob", CIDR: "10.0.32.0/20"}},
		},
		estimate: &cost.Estimate{TotalUSD: 36.7, Assumptions: cost.Assumptions{HoursPerMonth: 730}},
	}
	data, err := r.roster()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("\nbob,,,10.0.32.0/20,students/bob,lab-bob,,,removed\n")) {
		t.Errorf("removed student's line:\n%s", data)
	}
	back, err := ReadRoster(data)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append([]graph.Student(nil), r.lab.Students...), r.lab.Removed...)
	if len(back) != len(want) {
		t.Fatalf("read %d students, wrote %d", len(back), len(want))
	}
	for i := range want {
		if back[i] != want[i] {
			t.Errorf("student %d: read %+v, wrote %+v", i, back[i], want[i])
		}
	}
	// Rows that would name a folder outside students/ are dropped.
	evil := "student,cidr\n../x,10.0.0.0/20\n..,10.0.0.0/20\nok,10.0.0.0/20\n"
	if got, err := ReadRoster([]byte(evil)); err != nil || len(got) != 1 || got[0].ID != "ok" {
		t.Errorf("unsafe IDs: %v %v", got, err)
	}
	if _, err := ReadRoster([]byte("name,email\n")); err == nil || !strings.Contains(err.Error(), "no student column") {
		t.Errorf("a roster without students: %v", err)
	}
}

func TestMoney(t *testing.T) {
	for v, want := range map[float64]string{0: "$0.00", 36.7: "$36.70", 1101: "$1,101.00", 1234567.891: "$1,234,567.89"} {
		if got := money(v); got != want {
			t.Errorf("money(%v) = %s, want %s", v, got, want)
		}
	}
}
