package org.percuss.controller.campaign;

/**
 * A campaign option or summary file that cannot be used, in one line naming the option or the
 * file and what is wrong with it: the command reports it and exits 2, having run nothing.
 */
public final class CampaignProblem extends Exception {

    private static final long serialVersionUID = 1L;

    public CampaignProblem(String message) {
        super(message);
    }
}
