package nl.draagvlak.support;

/** Requests that tests send, exactly as a caller would. */
public final class Requests {

    /** A municipality's multichannel plan with a back office not in order: NOT_READY. */
    public static final String PLAN = """
            {"initiative":{"name":"Digital counter 2027","kind":"MULTICHANNEL_MIGRATION","organisationType":"MUNICIPALITY",
             "leadTimeMonths":18,"resources":"MEDIUM","organisationalSupport":"LOW","businessCase":true},
             "designStrategy":{"startingPoint":"FRONT_OFFICE","channelScope":"CHANNEL_BY_CHANNEL","ambition":"LOW_HANGING_FRUIT"},
             "preconditions":{"channelsWellDeveloped":true,"backOfficeInOrder":false,"improvesService":true,"efficiencyGain":true},
             "stakeholders":[{"department":"MARKETING","name":"Campaign team","affected":true,"involvement":"INFORMED",
               "resistance":["DISTRUSTS_TECHNIQUE"],"trainingPlanned":false}]}""";

    private Requests() {
    }
}
