package asgspot

import (
	"strings"
	"testing"
)

func TestSplitAt(t *testing.T) {
	tests := []struct {
		capacity, base, percent int
		want                    Split
	}{
		// The notes' example: 2 On-Demand as a base, 20 % of the rest.
		{2, 2, 20, Split{2, 2, 0}},
		{4, 2, 20, Split{4, 3, 1}}, // 20 % of 2 = 0.4, rounded up in favour of On-Demand
		{20, 2, 20, Split{20, 6, 14}},
		{1, 2, 20, Split{1, 1, 0}},
		{10, 0, 0, Split{10, 0, 10}},
		{10, 0, 100, Split{10, 10, 0}},
		{7, 1, 50, Split{7, 4, 3}},
		{0, 2, 20, Split{0, 0, 0}},
	}
	for _, tt := range tests {
		if got := SplitAt(tt.capacity, tt.base, tt.percent); got != tt.want {
			t.Errorf("SplitAt(%d, %d, %d) = %+v, want %+v", tt.capacity, tt.base, tt.percent, got, tt.want)
		}
	}
}

func TestParseInstanceTypes(t *testing.T) {
	types, err := ParseInstanceTypes([]string{"m5.xlarge", "m5a.xlarge", "m6i.xlarge"})
	if err != nil || len(types) != 3 || types[2].Arch != X8664 {
		t.Fatalf("ParseInstanceTypes = %+v, %v", types, err)
	}
	if types, err := ParseInstanceTypes([]string{"m7g.large", "c7g.large"}); err != nil || types[0].Arch != ARM64 {
		t.Fatalf("Graviton types = %+v, %v", types, err)
	}
	bad := []struct {
		in   []string
		want string
	}{
		{[]string{"m5.xlarge", "m7g.xlarge"}, "m5.xlarge is x86_64 but m7g.xlarge is arm64; one launch template has one AMI, so use one architecture"},
		{[]string{"z9.large"}, `"z9.large" is not in the built-in catalog; known families: c5, c5a,`},
		{[]string{"m5.nano"}, `"m5.nano": m5 comes in large, xlarge,`},
		{[]string{"m5"}, `"m5" is not in the built-in catalog`},
		{[]string{"m5.large", "m5.large"}, `"m5.large" is listed twice`},
	}
	for _, tt := range bad {
		_, err := ParseInstanceTypes(tt.in)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseInstanceTypes(%v) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseSchedule(t *testing.T) {
	s, err := ParseSchedule("scale-out=0 8 * * MON-FRI:desired=6")
	if err != nil || s.Name != "scale-out" || s.Recurrence != "0 8 * * MON-FRI" || s.Desired != 6 {
		t.Fatalf("ParseSchedule = %+v, %v", s, err)
	}
	if _, err := ParseSchedule("night=*/30 20-23 * * *:desired=2"); err != nil {
		t.Errorf("steps and ranges rejected: %v", err)
	}
	bad := []struct{ in, want string }{
		{"scale-out", "want NAME=CRON:desired=N"},
		{"scale-out=0 8 * * MON-FRI", "missing :desired=N"},
		{"Scale=0 8 * * *:desired=1", `name "Scale"`},
		{"a=0 8 * *:desired=1", `has 4 fields`},
		{"a=61 8 * * *:desired=1", "cron field 1: 61 is outside 0-59"},
		{"a=0 25 * * *:desired=1", "cron field 2: 25 is outside 0-23"},
		{"a=0 8 ? * *:desired=1", `cron field 3 "?" is not valid`},
		{"a=0 8 * * *:desired=many", `desired "many"`},
	}
	for _, tt := range bad {
		_, err := ParseSchedule(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseSchedule(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// FuzzParseSchedule checks that accepted schedules have five fields and a
// non-negative capacity, whatever the input.
func FuzzParseSchedule(f *testing.F) {
	f.Add("scale-out=0 8 * * MON-FRI:desired=6")
	f.Add("a=*/5 * * * *:desired=0")
	f.Add("x")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := ParseSchedule(text)
		if err != nil {
			return
		}
		if len(strings.Fields(s.Recurrence)) != 5 || s.Desired < 0 || s.Name == "" {
			t.Fatalf("ParseSchedule(%q) = %+v", text, s)
		}
	})
}
