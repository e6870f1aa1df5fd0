using TorchSharp;

namespace GraphGuard.Learning.Torch;

/// <summary>
/// libtorch as this process sees it: whether it loads, which device a run gets, and the threads it uses.
/// </summary>
public static class TorchRuntime
{
    /// <summary>
    /// The device for <paramref name="preference"/>: "auto" (CUDA when a device is present, else the CPU),
    /// "cpu", or "cuda" / "cuda:N" (which fails when no CUDA device is present).
    /// </summary>
    /// <exception cref="InvalidOperationException">libtorch does not load, or CUDA was asked for and is absent.</exception>
    public static torch.Device Device(string preference = "auto")
    {
        ArgumentNullException.ThrowIfNull(preference);
        EnsureLoaded();
        if (preference.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }
        if (preference.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !torch.cuda.is_available())
        {
            throw new InvalidOperationException($"device '{preference}' was asked for, but libtorch sees no CUDA device (the CPU package is installed, or no GPU is present; docs/gpu.md)");
        }
        return torch.device(preference.ToLowerInvariant());
    }

    /// <summary>Whether libtorch was built with CUDA and sees a device.</summary>
    public static bool CudaAvailable
    {
        get
        {
            EnsureLoaded();
            return torch.cuda.is_available();
        }
    }

    /// <summary>Sets libtorch's intra-op threads; -1 (or 0) leaves libtorch's own choice (the core count).</summary>
    public static void UseThreads(int threads)
    {
        EnsureLoaded();
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>One line for logs and benchmark output: versions, device, threads.</summary>
    public static string Describe()
    {
        EnsureLoaded();
        var cuda = torch.cuda.is_available() ? $"CUDA ({torch.cuda.device_count()} device(s))" : "no CUDA device";
        return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {torch.__version__}, {cuda}, {torch.get_num_threads()} threads";
    }

    /// <summary>Loads libtorch now, turning TorchSharp's long loader trace into one actionable line.</summary>
    /// <exception cref="InvalidOperationException">The native library cannot be loaded.</exception>
    public static void EnsureLoaded()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            throw new InvalidOperationException(
                "libtorch does not load: libLibTorchSharp.so must sit patched beside the program " +
                "(Native/weaken_marker_version.py runs after every build; docs/gpu.md). " + (e.InnerException ?? e).Message.Split('\n')[0], e);
        }
    }
}
