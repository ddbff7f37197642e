package credit.platform.sanctions.travel.domain;

import credit.platform.sanctions.enforcement.domain.Measure;
import credit.platform.sanctions.enforcement.domain.SanctionCatalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * What a measure bars, read from the catalogue's data ({@link Measure#bars()}): a ticket is barred when
 * one bar of the measure names its mode and, where the bar narrows them, its train category and its
 * service class. So "every seat on G trains; first class and above on other EMUs" is two bars of
 * {@code RAIL_HIGH_SPEED_BAN}, and the rule tables of {@code docs/domain.md} are printed from the same
 * data.
 */
public final class TravelMeasures {

    private TravelMeasures() {
    }

    /** Whether the measure bars this trip; a measure without bars (procurement, rewards) never does. */
    public static boolean bars(Measure measure, TravelCheck trip) {
        if (measure == null) {
            return false;
        }
        for (Measure.Bar bar : measure.bars()) {
            if (bar.mode().equals(trip.mode().name())
                    && (bar.trains().isEmpty() || (trip.train() != null && bar.trains().contains(trip.train().category().name())))
                    && (bar.seats().isEmpty() || bar.seats().contains(trip.serviceClass().name()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every name in the catalogue's bars that the travel domain does not know (a mode, train category or
     * service class): the service refuses to start on a catalogue with any, rather than never barring.
     */
    public static List<String> unknownNames(SanctionCatalogue catalogue) {
        List<String> unknown = new ArrayList<>();
        for (String code : catalogue.measureCodes()) {
            for (Measure.Bar bar : catalogue.measure(code).bars()) {
                if (!enumHas(TravelMode.class, bar.mode())) {
                    unknown.add(code + ": mode " + bar.mode());
                }
                bar.trains().stream().filter(t -> !enumHas(TrainCategory.class, t))
                        .forEach(t -> unknown.add(code + ": train category " + t));
                bar.seats().forEach(s -> {
                    if (!enumHas(ServiceClass.class, s)) {
                        unknown.add(code + ": service class " + s);
                    } else if (!ServiceClass.valueOf(s).mode().name().equals(bar.mode())) {
                        unknown.add(code + ": service class " + s + " is not a class of " + bar.mode());
                    }
                });
            }
        }
        return unknown;
    }

    private static <E extends Enum<E>> boolean enumHas(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
