using Azure.Data.Tables;
using Engagement.Advisors;
using Engagement.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Engagement.Silo.Hosting;

/// <summary>Registers the grain storage providers the grains name.</summary>
public static class EngineStorage
{
    // The pulling agents look for new live changes this often (Orleans' default is 100 ms, which an advisor's screen
    // would show as lag; 10 ms added 5 ms to a trigger's latency on average); polling an empty in-memory queue costs
    // next to nothing.
    private static readonly TimeSpan LivePollPeriod = TimeSpan.FromMilliseconds(2);

    // Written by the effects of many customers at once: our provider shares a write among the calls that changed the
    // state, compresses it and sends a partition's writes as one transaction (docs/notes/table-storage.md).
    private static readonly string[] Busy = [StorageNames.Products, StorageNames.Advisors, StorageNames.Schedule];

    // Written a few times a day or once a tick, by one grain each: Orleans' own provider.
    private static readonly string[] Quiet = [StorageNames.Rules, StorageNames.Cluster];

    /// <summary>Adds storage for products, advisors, the schedule, the rule set and the cluster's single grains as
    /// configured, and the live trigger streams (customers are checkpointed by the
    /// <see cref="Engagement.Checkpoints.Checkpointer"/>).</summary>
    public static ISiloBuilder AddEngineStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = EngineSettings.Storage(configuration);
        if (options.Provider == StorageKind.Memory)
        {
            foreach (var name in Busy.Concat(Quiet))
            {
                silo.AddMemoryGrainStorage(name, UseOrleansSerializer);
            }
        }
        else
        {
            foreach (var name in Busy)
            {
                silo.AddEngineTableGrainStorage(name, table =>
                {
                    table.ConnectionString = options.ConnectionString;
                    table.TableName = options.GrainTable(name);
                });
            }
            foreach (var name in Quiet)
            {
                silo.AddAzureTableGrainStorage(name, table => UseOrleansSerializer(table.Configure(o =>
                {
                    o.TableServiceClient = new TableServiceClient(options.ConnectionString);
                    o.TableName = options.GrainTable(name);
                })));
            }
        }
        // Live-stream subscriptions belong to open SSE connections: they need not outlive the process.
        return silo.AddMemoryGrainStorage("PubSubStore").AddMemoryStreams(AdvisorStreams.Provider, streams => streams
            .ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = LivePollPeriod)));
    }

    // Orleans' providers write state as JSON unless told otherwise; the memory provider's copy of every write through
    // Newtonsoft JSON (type names, reference tracking) was most of the ingest's CPU and garbage. The state types carry
    // generated Orleans serializers; both kinds of provider use those.
    private static void UseOrleansSerializer<TOptions>(OptionsBuilder<TOptions> options)
        where TOptions : class, IStorageProviderSerializerOptions =>
        options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
}
