package blueprints

import (
	"errors"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30s", 30 * time.Second, true},
		{"15m", 15 * time.Minute, true},
		{"12h", 12 * time.Hour, true},
		{"4d", 4 * Day, true},
		{" 14d ", 14 * Day, true},
		{"0s", 0, true},
		{"1.5h", 0, false},
		{"-3s", 0, false},
		{"30", 0, false},
		{"s", 0, false},
		{"4w", 0, false},
		{"99999999999999999999d", 0, false},
		{"366d", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			if tt.ok != (err == nil) || got != tt.want {
				t.Fatalf("ParseDuration(%q) = %v, %v", tt.in, got, err)
			}
			if err != nil && !errors.Is(err, ErrDuration) {
				t.Errorf("error %v does not wrap ErrDuration", err)
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{30 * time.Second: "30s", 90 * time.Second: "90s", 2 * time.Minute: "2m", 12 * time.Hour: "12h", 4 * Day: "4d", 0: "0s"} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// FuzzParseDuration checks that every accepted duration is whole seconds,
// within a year, and survives a round trip through FormatDuration.
func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{"30s", "4d", "12h", "1.5h", "x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDuration(text)
		if err != nil {
			return
		}
		if d < 0 || d > 365*Day || d%time.Second != 0 {
			t.Fatalf("ParseDuration(%q) = %v", text, d)
		}
		back, err := ParseDuration(FormatDuration(d))
		if err != nil || back != d {
			t.Fatalf("round trip of %v: %v, %v", d, back, err)
		}
	})
}
