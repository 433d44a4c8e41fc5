/**
 * Fault campaigns: one scenario over many seeds and parameter values, on worker threads, each
 * session on its own virtual clock; one CSV row per session, the campaign's summary computed from
 * those rows alone (so the merge of shards run on many machines equals the single-machine run),
 * and the distributions drawn as histograms. See docs/campaigns.md.
 */
package org.percuss.controller.campaign;
