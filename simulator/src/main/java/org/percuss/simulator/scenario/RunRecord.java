package org.percuss.simulator.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run, tick by tick, kept in columns of primitives for the plot: 90,000 ticks of a 15-minute
 * session in a few megabytes. States are kept as indexes into {@link #stateNames()}.
 */
public final class RunRecord {

    private int size;
    private double[] seconds = new double[1024];
    private double[] commanded = new double[1024];
    private double[] measured = new double[1024];
    private double[] current = new double[1024];
    private double[] temperature = new double[1024];
    private int[] state = new int[1024];
    private int[] derate = new int[1024];
    private final List<String> stateNames = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    /** Adds one tick. */
    public void add(Sample s) {
        if (size == seconds.length) {
            int n = size * 2;
            seconds = Arrays.copyOf(seconds, n);
            commanded = Arrays.copyOf(commanded, n);
            measured = Arrays.copyOf(measured, n);
            current = Arrays.copyOf(current, n);
            temperature = Arrays.copyOf(temperature, n);
            state = Arrays.copyOf(state, n);
            derate = Arrays.copyOf(derate, n);
        }
        int st = stateNames.indexOf(s.state());
        if (st < 0) {
            st = stateNames.size();
            stateNames.add(s.state());
        }
        seconds[size] = s.seconds();
        commanded[size] = s.commandedPpm();
        measured[size] = s.measuredPpm();
        current[size] = s.currentAmps();
        temperature[size] = s.temperatureCelsius();
        state[size] = st;
        derate[size] = s.derateLevel();
        size++;
    }

    /** Adds an event. */
    public void add(Event e) {
        events.add(e);
    }

    public int size() {
        return size;
    }

    public double seconds(int i) {
        return seconds[i];
    }

    public double commandedPpm(int i) {
        return commanded[i];
    }

    public double measuredPpm(int i) {
        return measured[i];
    }

    public double currentAmps(int i) {
        return current[i];
    }

    public double temperatureCelsius(int i) {
        return temperature[i];
    }

    public String state(int i) {
        return stateNames.get(state[i]);
    }

    public int derateLevel(int i) {
        return derate[i];
    }

    /** The states seen, in the order first seen. */
    public List<String> stateNames() {
        return List.copyOf(stateNames);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }
}
