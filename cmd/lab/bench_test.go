package lab

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

// BenchmarkGenerate measures `scaffold lab generate` for a class of vpc +
// fanout in both formats, from reading the lab file to the last file on
// disk (schema checks included), at 30, 300 and 1,000 students.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{30, 300, 1000} {
		b.Run(fmt.Sprintf("students=%d", n), func(b *testing.B) {
			dir, file := benchLab(b, n)
			io, _, _ := cmdutil.TestIOStreams()
			files := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(dir, fmt.Sprintf("out-%d", i))
				opts := &GenerateOptions{IO: io, Factory: factory(io), File: file, Out: out, Jobs: benchJobs()}
				p, err := Prepare(opts)
				if err != nil {
					b.Fatal(err)
				}
				per, err := Write(opts, p)
				if err != nil {
					b.Fatal(err)
				}
				files = per*n + len(p.Class) + n + 1 // + one manifest per student and the class's
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
			b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}

// BenchmarkRender is BenchmarkGenerate without the disk: the lab file read,
// rendered once, checked, and every student's files made in memory. The
// difference between the two is the file system's cost.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{30, 300, 1000} {
		b.Run(fmt.Sprintf("students=%d", n), func(b *testing.B) {
			dir, file := benchLab(b, n)
			io, _, _ := cmdutil.TestIOStreams()
			files := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				opts := &GenerateOptions{IO: io, Factory: factory(io), File: file, Out: filepath.Join(dir, "out"), Jobs: 1}
				p, err := Prepare(opts)
				if err != nil {
					b.Fatal(err)
				}
				files = len(p.Class)
				for s := range p.Lab.Students {
					student, err := p.Renderer.Student(s)
					if err != nil {
						b.Fatal(err)
					}
					files += len(student)
				}
			}
			b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}

// benchJobs is --jobs for the benchmark: SCAFFOLD_BENCH_JOBS, or 2 (the
// machine's cores).
func benchJobs() int {
	if n, err := strconv.Atoi(os.Getenv("SCAFFOLD_BENCH_JOBS")); err == nil && n > 0 {
		return n
	}
	return 2
}

// benchLab writes the benchmarks' lab file for n students: vpc (2 zones,
// one NAT gateway) and fanout (2 queues), both formats.
func benchLab(b *testing.B, n int) (dir, file string) {
	dir = b.TempDir()
	file = filepath.Join(dir, "lab.yaml")
	lab := fmt.Sprintf("name: bench\nstudents: %d\ncidr_pool: 10.0.0.0/8\nblueprints:\n  - vpc: {azs: 2, nat: single}\n  - fanout: {queues: [orders, audit]}\nformat: both\n", n)
	if err := os.WriteFile(file, []byte(lab), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, file
}
