using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Engagement.Checkpoints;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>Activations' reads of one partition's bucket rows against a real Azurite: the reads that arrive while one
/// is in flight go as one query, each answered with its own customer's bytes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BucketReadBatcherTests(AzuriteFixture azurite)
{
    private const string Partition = TableCheckpointStore.BucketPartitionPrefix + "00";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly StorageOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
        CheckpointPartitions = 1,
    };

    [Fact]
    public async Task Reads_that_arrive_while_one_is_in_flight_go_as_one_query_and_each_gets_its_own_customer()
    {
        _options.CheckpointBuckets = 8;
        var customers = Enumerable.Range(0, 40).Select(i => $"C{i:D3}").ToList();
        await StoreAsync(customers);
        var queries = new GetCount();
        var reads = new BucketReadBatcher(Table(queries), Partition);

        var values = await Task.WhenAll(customers.Select(c => reads.ReadAsync(Row(c), CheckpointBucket.PropertyName(c), CancellationToken.None)))
            .WaitAsync(Deadline);

        Assert.Equal(customers.Select(Bytes), values.Select(v => CheckpointBucket.Snapshot(v!, why => new InvalidDataException(why)).Raw()));
        // The first alone; the other 39, in at most 8 rows, together.
        Assert.Equal(2, queries.Count);
    }

    [Fact]
    public async Task A_query_takes_at_most_fourteen_rows_the_filter_limit_and_a_missing_row_or_property_reads_as_nothing()
    {
        // Customers in 29 different rows: the first goes alone, the other 28 in two queries of 14 rows.
        _options.CheckpointBuckets = 64;
        var customers = Enumerable.Range(0, 1000).Select(i => $"C{i:D4}").DistinctBy(Row).Take(29).ToList();
        await StoreAsync(customers.Skip(1).ToList());
        var queries = new GetCount();
        var reads = new BucketReadBatcher(Table(queries), Partition);

        var values = await Task.WhenAll(customers.Select(c => reads.ReadAsync(Row(c), CheckpointBucket.PropertyName(c), CancellationToken.None)))
            .WaitAsync(Deadline);
        var neighbour = await reads.ReadAsync(Row(customers[1]), CheckpointBucket.PropertyName("C9999"), CancellationToken.None).WaitAsync(Deadline);

        Assert.Null(values[0]);
        Assert.All(values.Skip(1), Assert.NotNull);
        Assert.Null(neighbour);
        Assert.Equal(4, queries.Count);
    }

    private async Task StoreAsync(IReadOnlyList<string> customers)
    {
        var store = new TableCheckpointStore(_options);
        var results = await store.WriteAsync(customers.Select(c => new CheckpointWrite(c, new StateSnapshot(Bytes(c), 0), null)).ToList(), CancellationToken.None)
            .WaitAsync(Deadline);
        Assert.All(results, r => Assert.Equal(TableCheckpointStore.InBucket, r.ETag));
    }

    private LazyTable Table(GetCount queries)
    {
        var options = new TableClientOptions();
        options.AddPolicy(queries, HttpPipelinePosition.PerCall);
        return new LazyTable(new TableClient(azurite.ConnectionString, _options.CheckpointTable(0), options));
    }

    private string Row(string customer) => $"{StableHash.ShardOf(customer, _options.CheckpointBuckets):x4}";

    private static byte[] Bytes(string customer) => System.Text.Encoding.UTF8.GetBytes($"state of {customer}");

    private sealed class GetCount : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => _count;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get)
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
