using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Engagement.Development.Kafka;

/// <summary>The slice of librdkafka's C API that runs its in-process mock cluster.</summary>
/// <remarks>
/// The mock cluster is not exposed by Confluent.Kafka, so it is reached by P/Invoke on the native library
/// that the librdkafka.redist package ships beside the application.
/// </remarks>
internal static partial class LibrdkafkaNative
{
    private const string Library = "librdkafka";
    private const int ErrorBufferSize = 512;
    private const int ProducerType = 0;
    private const int ConfOk = 0;

    // The plain build links libsasl2.so.3, which Debian 12 lacks; the centos8 build carries its own and loads there.
    private static readonly string[] LinuxFileNames = ["librdkafka.so", "centos8-librdkafka.so"];

    private static readonly Lazy<(nint Handle, string Path)> Loaded = new(LoadLinuxLibrary);

    // An explicit static constructor makes initialisation precise: the resolver is in place before any wrapper runs.
    static LibrdkafkaNative() =>
        // Only our own assembly: Confluent.Kafka loads its copy its own way, and a second resolver per assembly throws.
        NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaNative).Assembly, Resolve);

    /// <summary>On Linux, the file the mock cluster's library was loaded from; loads it on first use.</summary>
    internal static string LoadedLibraryPath => Loaded.Value.Path;

    /// <summary>Creates a producer handle that only hosts the mock cluster; it never connects anywhere.</summary>
    internal static nint CreateHostHandle(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var conf = rd_kafka_conf_new();
        var error = new byte[ErrorBufferSize];
        foreach (var (name, value) in settings)
        {
            if (rd_kafka_conf_set(conf, name, value, error, (nuint)error.Length) != ConfOk)
            {
                rd_kafka_conf_destroy(conf);
                throw new InvalidOperationException($"librdkafka rejected {name}: {ReadError(error)}");
            }
        }

        var handle = rd_kafka_new(ProducerType, conf, error, (nuint)error.Length);
        if (handle == 0)
        {
            // rd_kafka_new takes ownership of the configuration only when it succeeds.
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"librdkafka could not create a handle: {ReadError(error)}");
        }

        return handle;
    }

    /// <summary>Starts a mock cluster of <paramref name="brokers"/> brokers on localhost, owned by <paramref name="handle"/>.</summary>
    internal static nint CreateMockCluster(nint handle, int brokers) => rd_kafka_mock_cluster_new(handle, brokers);

    /// <summary>The cluster's bootstrap.servers list.</summary>
    internal static string GetBootstraps(nint cluster) =>
        Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster))
        ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");

    /// <summary>Creates a topic; returns the Kafka error code (0 on success, 36 when it already exists).</summary>
    internal static int CreateTopic(nint cluster, string topic, int partitions, int replicationFactor) =>
        rd_kafka_mock_topic_create(cluster, topic, partitions, replicationFactor);

    /// <summary>Sets the broker's group.initial.rebalance.delay.ms for every group.</summary>
    internal static void SetGroupInitialRebalanceDelay(nint cluster, int delayMs) =>
        rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, delayMs);

    /// <summary>Stops the cluster's listeners and frees its logs and offsets.</summary>
    internal static void DestroyMockCluster(nint cluster) => rd_kafka_mock_cluster_destroy(cluster);

    /// <summary>Destroys a handle made by <see cref="CreateHostHandle"/>.</summary>
    internal static void DestroyHandle(nint handle) => rd_kafka_destroy(handle);

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        // Elsewhere the host's own probing of the package's runtimes folder already finds a loadable build.
        libraryName == Library && OperatingSystem.IsLinux() ? Loaded.Value.Handle : 0;

    private static (nint Handle, string Path) LoadLinuxLibrary()
    {
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string[] folders =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", $"linux-{arch}", "native"),
            // A runtime-specific publish flattens native assets next to the application.
            AppContext.BaseDirectory,
        ];

        var failures = new List<string>();
        foreach (var folder in folders)
        {
            foreach (var fileName in LinuxFileNames)
            {
                var path = Path.Combine(folder, fileName);
                if (!File.Exists(path))
                {
                    continue;
                }

                try
                {
                    return (NativeLibrary.Load(path), path);
                }
                catch (DllNotFoundException e)
                {
                    failures.Add(e.Message);
                }
            }
        }

        throw new DllNotFoundException(
            $"No loadable librdkafka under {AppContext.BaseDirectory}. "
            + (failures.Count == 0 ? "No candidate file exists." : string.Join(" | ", failures)));
    }

    private static string ReadError(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }

    [LibraryImport(Library)]
    private static partial nint rd_kafka_conf_new();

    [LibraryImport(Library)]
    private static partial void rd_kafka_conf_destroy(nint conf);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_conf_set(nint conf, string name, string value, [Out] byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_new(int type, nint conf, [Out] byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    private static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_mock_cluster_new(nint rk, int brokerCount);

    [LibraryImport(Library)]
    private static partial void rd_kafka_mock_cluster_destroy(nint cluster);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_mock_cluster_bootstraps(nint cluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_mock_topic_create(nint cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Library)]
    private static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(nint cluster, int delayMs);
}
