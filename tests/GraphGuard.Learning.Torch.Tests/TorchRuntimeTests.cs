using System.Diagnostics;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tests.Sage;
using GraphGuard.Learning.Torch.Sage;

namespace GraphGuard.Learning.Torch.Tests;

/// <summary>libtorch loads here, the build's native patch is one byte and idempotent, and CUDA runs where present.</summary>
public sealed class TorchRuntimeTests
{
    [Test]
    public void Libtorch_loads_beside_the_tests()
    {
        var description = TorchRuntime.Describe();
        TestContext.Out.WriteLine(description);
        Assert.That(description, Does.Contain("libtorch 2.10"));
        Assert.That(TorchRuntime.Device("cpu").type, Is.EqualTo(TorchSharp.DeviceType.CPU));
    }

    [Test]
    public void The_patch_flags_one_byte_and_a_second_run_changes_nothing()
    {
        var original = Path.Combine(NuGetPackages(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(original))
        {
            Assert.Ignore($"the unpatched library is not in the NuGet packages folder ({original})");
        }
        var copy = Path.Combine(Path.GetTempPath(), $"libLibTorchSharp-{Environment.ProcessId}.so");
        File.Copy(original, copy, overwrite: true);
        try
        {
            var first = Patch(copy);
            var second = Patch(copy);
            var before = File.ReadAllBytes(original);
            var after = File.ReadAllBytes(copy);
            var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            Assert.Multiple(() =>
            {
                // On an OS whose libstdc++ has GLIBCXX_3.4.32 the script has nothing to do.
                Assert.That(first, Does.Contain("weakened GLIBCXX_3.4.32").Or.Contain("nothing to weaken"));
                Assert.That(second, Does.Contain("nothing to weaken"));
                Assert.That(changed, Has.Length.LessThanOrEqualTo(1));
                Assert.That(changed.Select(i => after[i] ^ before[i]), Has.All.EqualTo(0x2), "VER_FLG_WEAK");
            });
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Test]
    public void Trains_and_embeds_on_cuda_when_a_device_is_present()
    {
        if (!TorchRuntime.CudaAvailable)
        {
            var cudaBuild = File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cuda.so"));
            Assert.Ignore(cudaBuild
                ? "no CUDA device: libtorch's CUDA build is here, but it sees no GPU (driver, CUDA_VISIBLE_DEVICES?)"
                : "no CUDA device: this build carries libtorch's CPU package (libtorch-cpu-linux-x64); docs/gpu.md says how a GPU deployment swaps in the CUDA one");
        }
        var problem = NeighbourLabelProblem.Create(nodes: 600, seed: 3);
        var options = new SageOptions { HiddenDims = [16, 8], FanOuts = [10, 10], Epochs = 25, BatchSize = 64, Dropout = 0.1f, Patience = 10 };
        var model = TorchSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, options, "cuda");
        var auroc = problem.TestAuroc(model.PredictProbabilities(problem.Graph, problem.Features));
        var onGpu = TorchSageEmbedder.Embed(model, problem.Graph, problem.Features, "cuda");
        var onCpu = model.Embed(problem.Graph, problem.Features);
        Assert.That(auroc, Is.GreaterThan(0.9));
        Assert.That(onGpu, Is.EqualTo(onCpu).Within(1e-3f));
    }

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Patch(string library)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "weaken_marker_version.py"));
        start.ArgumentList.Add(library);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, output);
        return output;
    }
}
