namespace FluxCaption.Benchmarks.Speech;

/// <summary>
/// The mel filters a whisper.cpp file carries for its own spectrogram: triangular filters on the Slaney
/// mel scale with Slaney area normalisation, 16 kHz audio, a 400-point FFT (201 bins).
/// </summary>
internal static class MelFilterBank
{
    public const int FftBins = 201;

    private const double SampleRate = 16000;
    private const double LinearStep = 200.0 / 3;
    private const double LogStartHz = 1000;
    private const double LogStartMel = LogStartHz / LinearStep;

    private static readonly double LogStep = Math.Log(6.4) / 27;

    public static float[] Build(int mels)
    {
        var maxMel = HzToMel(SampleRate / 2);
        var edges = new double[mels + 2];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = MelToHz(maxMel * i / (mels + 1));
        }

        var filters = new float[mels * FftBins];
        for (var m = 0; m < mels; m++)
        {
            var (low, centre, high) = (edges[m], edges[m + 1], edges[m + 2]);
            var area = 2 / (high - low);
            for (var bin = 0; bin < FftBins; bin++)
            {
                var hz = bin * (SampleRate / 2) / (FftBins - 1);
                var rising = (hz - low) / (centre - low);
                var falling = (high - hz) / (high - centre);
                filters[m * FftBins + bin] = (float)(Math.Max(0, Math.Min(rising, falling)) * area);
            }
        }

        return filters;
    }

    private static double HzToMel(double hz) =>
        hz < LogStartHz ? hz / LinearStep : LogStartMel + Math.Log(hz / LogStartHz) / LogStep;

    private static double MelToHz(double mel) =>
        mel < LogStartMel ? mel * LinearStep : LogStartHz * Math.Exp(LogStep * (mel - LogStartMel));
}
