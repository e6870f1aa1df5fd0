using GraphGuard.Fuzz;
using SharpFuzz;

// afl-fuzz runs this once and feeds it inputs; an exception that escapes a target is a crash.
// With a file argument it runs that one input (to reproduce a crash afl-fuzz saved).
if (args.Length == 1)
{
    using var input = File.OpenRead(args[0]);
    FuzzTargets.Run(input);
    Console.WriteLine("no crash");
    return;
}
Fuzzer.OutOfProcess.Run(FuzzTargets.Run);
