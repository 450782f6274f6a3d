using System.ComponentModel.DataAnnotations;
using FluxCaption.Benchmarks;
using Microsoft.Extensions.Configuration;

// dotnet run -c Release --project FluxCaption.Benchmarks -- sync [--Source jellyfin|memory] [--Items 10000] [--PageSize 500] [--ChangedPercent 1] [--Postgres <admin connection string>]
if (args.Length > 0 && args[0] == "sync") return await SyncBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "ocr") return await OcrBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "speech") return await SpeechBenchmark.RunAsync(args[1..]);

// dotnet run -c Release --project FluxCaption.Benchmarks -- dashboard [--Items 10000] [--Libraries 4] [--Jobs 20000] [--HistoryDays 30] [--Window 14] [--Runs 20] [--Postgres <admin connection string>]
if (args.Length > 0 && args[0] == "dashboard") return await DashboardBenchmark.RunAsync(args[1..]);
// dotnet run -c Release --project FluxCaption.Benchmarks -- faults [--Jobs 16] [--Cues 60] [--DeadlineSeconds 300] [--Only <row name part>]
if (args.Length > 0 && args[0] == "faults") return await FluxCaption.Benchmarks.Faults.FaultCommand.RunAsync(args[1..]);

// dotnet run -c Release --project FluxCaption.Benchmarks -- translate [--Slots 4] [--TimeScale 0.03] ...
if (args.Length == 0 || args[0] != "translate")
{
    Console.Error.WriteLine("Usage: FluxCaption.Benchmarks translate [--Shape film|dense] [--Cues 1500] [--Slots 4] [--TimeScale 0.03] [--FixedCostMs 400] [--CompletionTokenMs 20] [--PromptTokenMs 0] [--MaxCuesPerBatch n] [--MaxTokensPerBatch n]");
    return 2;
}

var options = new ConfigurationBuilder().AddCommandLine(args[1..]).Build().Get<TranslateBenchmarkOptions>() ?? new TranslateBenchmarkOptions();
try
{
    Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
    options.SlotCounts();
}
catch (ValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};

var results = await new TranslateBenchmark(options, Console.Out).RunAsync(stopping.Token);
Console.WriteLine();
Console.WriteLine(ResultTable.Format(results));
return 0;
